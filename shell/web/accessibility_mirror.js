// The DOM side of the accessibility mirror (shell/web/accessibility_mirror.cpp):
// one real element per exposed ImGui item, transparent, laid exactly over
// what the canvas draws, so assistive technology, Tab, phone keyboards, input
// methods and password managers meet ordinary HTML. The pointer still goes to
// the canvas (the elements take no pointer events); a tap or click on a text
// field focuses its <input> at once, inside the event, as phones require for
// their keyboard to open.
mergeInto(LibraryManager.library, {
    $portalMirror__deps: ['$portalCopyString'],
    $portalMirror: {
        root: null,
        nodes: null,               // ImGui id -> { el, role, parent, rect } (a Map made in init:
                                   // library objects are copied as source text)
        textFields: [],            // the text fields' nodes, for hit-testing taps
        lastText: null,            // [id, value, start, end] last exchanged with ImGui (+ edits applied, from ImGui)
        editsSent: 0,
        typedAt: -1e9,             // performance.now() of the last input into a field              // edits handed to ImGui; its text updates say how many it applied
        focusReason: 0,            // why the next focusin happens: 0 keyboard or AT, 1 pointer, 2 ImGui
        lastInput: 'none',         // 'keyboard' or 'pointer': the person's last key or press
        // Roles in the order of ui::Role (ui/item_registry.hpp).
        roles: ['none', 'text', 'heading', 'button', 'link', 'textbox', 'checkbox', 'radio', 'tab', 'combobox',
                'option', 'status', 'alert', 'banner', 'navigation', 'main', 'dialog', 'radiogroup', 'tablist',
                'listbox', 'table', 'row', 'cell', 'columnheader', 'group'],
        polite: null,              // the live regions announcements are spoken from (made in init)
        assertive: null,
        quietUntil: 0,             // performance.now() before which nothing is announced: the page is loading
        toSay: [[], []],           // polite and urgent announcements of the update being applied
        flag: { invalid: 1, required: 2, checked: 4, selected: 8, expanded: 16, disabled: 32, multiline: 64,
                password: 128, submits: 256, cancels: 512 },

        init: function () {
            var mirror = portalMirror;
            mirror.nodes = new Map();
            mirror.root = document.getElementById('a11y');
            var root = mirror.root;
            // Enter in a field is the app's to handle, never a page load.
            root.addEventListener('submit', function (event) { event.preventDefault(); });
            // Live regions that exist from the start: a region made together
            // with its words is not reliably read, one whose words change is.
            var region = function (role) {
                var el = document.createElement('div');
                el.setAttribute('role', role);
                el.className = 'announcer';
                root.appendChild(el);
                return el;
            };
            mirror.polite = region('status');
            mirror.assertive = region('alert');
            // What the page shows as it loads is not news; what follows a
            // person's first key or touch, or comes later on its own, is.
            mirror.quietUntil = performance.now() + 1500;
            var speak = function () { mirror.quietUntil = 0; };
            ['keydown', 'pointerdown', 'touchstart'].forEach(function (type) {
                document.addEventListener(type, speak, { capture: true, once: true, passive: true });
            });
            // How the person last acted: a ring shows for the keyboard, not for a click.
            document.addEventListener('keydown', function () { mirror.lastInput = 'keyboard'; }, true);
            ['pointerdown', 'mousedown', 'touchstart'].forEach(function (type) {
                document.addEventListener(type, function () { mirror.lastInput = 'pointer'; }, { capture: true, passive: true });
            });
            root.addEventListener('focusin', function (e) {
                var node = mirror.nodeOf(e.target);
                if (!node) return;
                var visible = false;
                // Focus that follows ImGui (a click on the canvas) is script focus, which
                // Chromium marks :focus-visible after a click too: ask how the person acted.
                if (mirror.focusReason !== 0) visible = mirror.lastInput === 'keyboard';
                else try { visible = e.target.matches(':focus-visible'); } catch (error) { /* old browser */ }
                _portal_on_mirror_focus(node.id, mirror.focusReason, visible ? 1 : 0);
                mirror.focusReason = 0;
            });
            root.addEventListener('focusout', function (e) {
                if (e.relatedTarget && root.contains(e.relatedTarget)) return;   // focusin follows
                _portal_on_mirror_blur();
            });
            root.addEventListener('click', function (e) {
                var node = mirror.nodeOf(e.target);
                if (!node) return;
                if (node.role === 'link') e.preventDefault();
                if (node.role === 'textbox' || node.role === 'radio') return;
                _portal_on_mirror_activate(node.id);
            });
            // Arrow keys check the next radio of a group (change, not always click).
            root.addEventListener('change', function (e) {
                var node = mirror.nodeOf(e.target);
                if (node && node.role === 'radio' && e.target.checked) _portal_on_mirror_activate(node.id);
            });
            root.addEventListener('keydown', function (e) { mirror.onKey(e); });
            root.addEventListener('input', function (e) {
                mirror.typedAt = performance.now();
                if (!e.isComposing) mirror.sendText(e.target);
            });
            root.addEventListener('compositionstart', function (e) { e.target.classList.add('composing'); });
            root.addEventListener('compositionend', function (e) {
                e.target.classList.remove('composing');
                mirror.sendText(e.target);
            });
            document.addEventListener('selectionchange', function () {
                var el = document.activeElement;
                if (el && el.classList && el.classList.contains('composing')) return;
                if (el && root.contains(el) && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) mirror.sendText(el);
            });
            // A scroll the browser made to show a focused element would move the
            // mirror off the drawing: the canvas scrolls instead (ImGui follows focus).
            root.addEventListener('scroll', function () { root.scrollTop = 0; root.scrollLeft = 0; });

            var canvas = document.getElementById('canvas');
            // Pressing on a text field puts the focus in its <input> within the
            // event itself: a phone opens its keyboard only then.
            var pressed = function (x, y) {
                var field = mirror.textFieldAt(x, y);
                if (field) {
                    mirror.focusReason = 1;   // by pointer
                    if (document.activeElement !== field.el) field.el.focus({ preventScroll: true });
                    mirror.focusReason = 0;
                    return true;
                }
                return false;
            };
            canvas.addEventListener('mousedown', function (e) {
                // On a field the browser's own focusing of the canvas must not
                // follow: keys typed then would skip the field's <input>.
                if (pressed(e.clientX, e.clientY)) e.preventDefault();
                else canvas.focus({ preventScroll: true });
            });
            canvas.addEventListener('touchend', function (e) {
                var touch = e.changedTouches && e.changedTouches[0];
                if (touch) pressed(touch.clientX, touch.clientY);
            });
            mirror.selectOnLongPress(canvas);

            var skip = document.getElementById('skip-to-content');
            if (skip) skip.addEventListener('click', function (e) {
                e.preventDefault();
                var main = root.querySelector('main');
                var first = main && main.querySelector('button, a[href], input, textarea, [tabindex="0"]');
                if (first) first.focus();
                else if (main) main.focus();
            });
        },

        // A long press on words selects them, as on any web page: the words'
        // element is selected (the phone offers Copy) and shown highlighted
        // over the drawing until the next touch.
        selectOnLongPress: function (canvas) {
            var mirror = portalMirror;
            var timer = 0, startX = 0, startY = 0, highlighted = null;
            var clear = function () {
                clearTimeout(timer);
                timer = 0;
                if (highlighted) { highlighted.classList.remove('long-pressed'); highlighted = null; }
            };
            canvas.addEventListener('touchstart', function (e) {
                clear();
                if (e.touches.length !== 1) return;
                startX = e.touches[0].clientX;
                startY = e.touches[0].clientY;
                timer = setTimeout(function () {
                    timer = 0;
                    var node = mirror.wordsAt(startX, startY);
                    if (!node) return;
                    var range = document.createRange();
                    range.selectNodeContents(node.el);
                    var selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    highlighted = node.el;
                    highlighted.classList.add('long-pressed');
                }, 500);
            }, { passive: true });
            canvas.addEventListener('touchmove', function (e) {
                var t = e.touches[0];
                if (timer && t && Math.hypot(t.clientX - startX, t.clientY - startY) > 10) clear();   // a drag scrolls
            }, { passive: true });
            canvas.addEventListener('touchend', function () { clearTimeout(timer); timer = 0; }, { passive: true });
        },
        wordsAt: function (x, y) {
            var found = null;
            portalMirror.nodes.forEach(function (node) {
                var r = node.rect;
                if (!found && r && (node.role === 'text' || node.role === 'heading') && node.el.isConnected &&
                    x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) found = node;
            });
            return found;
        },

        nodeOf: function (el) {
            while (el && el !== portalMirror.root) {
                if (el.dataset && el.dataset.id) return portalMirror.nodes.get(Number(el.dataset.id)) || null;
                el = el.parentNode;
            }
            return null;
        },

        textFieldAt: function (x, y) {
            var fields = portalMirror.textFields;
            for (var i = 0; i < fields.length; i++) {
                var r = fields[i].rect;
                if (r && fields[i].el.isConnected && x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3])
                    return fields[i];
            }
            return null;
        },

        // Offsets cross between UTF-16 (the DOM) and code points (ImGui).
        codePoints: function (text, utf16) { return Array.from(text.slice(0, utf16)).length; },
        utf16: function (text, codePoints) { return Array.from(text).slice(0, codePoints).join('').length; },

        sendText: function (el) {
            var node = portalMirror.nodeOf(el);
            if (!node || node.role !== 'textbox') return;
            var value = el.value;
            var start = portalMirror.codePoints(value, el.selectionStart || 0);
            var end = portalMirror.codePoints(value, el.selectionEnd || 0);
            var last = portalMirror.lastText;
            if (last && last[0] === node.id && last[1] === value && last[2] === start && last[3] === end) return;
            portalMirror.lastText = [node.id, value, start, end];
            var ptr = portalCopyString(value);
            _portal_on_text_edit(node.id, ptr, start, end, ++portalMirror.editsSent);
            _free(ptr);
        },

        // The scope a key acts in: the open dialog, else the page's content.
        scopeOf: function (el) {
            return (el.closest && el.closest('[role="dialog"]')) || portalMirror.root.querySelector('main') || portalMirror.root;
        },
        press: function (scope, selector) {
            var target = scope.querySelector(selector);
            if (target && target.getAttribute('aria-disabled') !== 'true') { target.click(); return true; }
            return false;
        },
        onKey: function (e) {
            var mirror = portalMirror;
            var el = e.target;
            var node = mirror.nodeOf(el);
            var scope = mirror.scopeOf(el);
            var single = el.tagName === 'INPUT' && el.type !== 'checkbox' && el.type !== 'radio';
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || single) && !e.isComposing) {
                if (mirror.press(scope, '[data-submits]')) e.preventDefault();
                return;
            }
            if (e.key === 'Escape') {
                var dialog = el.closest && el.closest('[role="dialog"]');
                if (dialog && mirror.press(dialog, '[data-cancels]')) e.preventDefault();
                else if (node && node.role === 'option') {
                    var box = mirror.root.querySelector('[aria-expanded="true"]');
                    if (box) { box.click(); box.focus(); e.preventDefault(); }
                } else {
                    _portal_on_escape();   // ImGui's own popups and menus close on Escape
                }
                return;
            }
            // A modal dialog keeps Tab inside it, wrapping at its ends.
            if (e.key === 'Tab') {
                var modal = mirror.root.querySelector('[role="dialog"]');
                if (!modal) return;
                var stops = Array.prototype.filter.call(
                    modal.querySelectorAll('button, a[href], input, textarea, [tabindex="0"]'),
                    function (stop) { return !stop.disabled; });
                if (stops.length === 0) return;
                var first = stops[0], last = stops[stops.length - 1];
                if (!modal.contains(el) || (e.shiftKey && el === first) || (!e.shiftKey && el === last)) {
                    (e.shiftKey ? last : first).focus();
                    e.preventDefault();
                }
                return;
            }
            // Arrows move among options and tabs like in any listbox or tab list.
            if (node && (node.role === 'option' || node.role === 'tab') &&
                ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].indexOf(e.key) >= 0) {
                var siblings = Array.prototype.filter.call(el.parentNode.children, function (c) {
                    return c.getAttribute('role') === node.role;
                });
                var at = siblings.indexOf(el) + (e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1);
                if (at >= 0 && at < siblings.length) siblings[at].focus();
                e.preventDefault();
                return;
            }
            if (e.key === '?' && !single && el.tagName !== 'TEXTAREA') {
                var help = document.getElementById('shortcuts');
                if (help && help.showModal && !help.open) { help.showModal(); e.preventDefault(); }
            }
        },

        elementFor: function (role, flags) {
            var f = portalMirror.flag;
            switch (role) {
            case 'heading': return document.createElement('h2');
            case 'button': case 'combobox': {
                var button = document.createElement('button');
                button.type = 'button';
                return button;
            }
            case 'link': {
                var link = document.createElement('a');
                link.href = '#';
                return link;
            }
            case 'textbox': {
                if (flags & f.multiline) return document.createElement('textarea');
                var input = document.createElement('input');
                input.type = flags & f.password ? 'password' : 'text';
                return input;
            }
            case 'checkbox': case 'radio': {
                var box = document.createElement('input');
                box.type = role;
                return box;
            }
            case 'banner': return document.createElement('header');
            case 'navigation': return document.createElement('nav');
            case 'main': {
                var main = document.createElement('main');
                main.id = 'main-content';
                main.tabIndex = -1;
                return main;
            }
            default: return document.createElement('div');
            }
        },

        // attributes: [role, name, parent, level, description, value, flags, autocomplete, inputmode]
        set: function (id, a) {
            var mirror = portalMirror;
            var role = mirror.roles[a[0]] || 'none';
            var flags = a[6];
            var f = mirror.flag;
            var node = mirror.nodes.get(id);
            var kind = role + (role === 'heading' ? a[3] : '') + (role === 'textbox' ? (flags & (f.multiline | f.password)) : '');
            if (!node || node.kind !== kind) {
                var old = node && node.el;
                node = { id: id, role: role, kind: kind, parent: 0, rect: node && node.rect,
                         said: node ? node.said : undefined, announced: node ? node.announced : undefined };
                node.el = role === 'heading' ? document.createElement('h' + Math.min(Math.max(a[3], 1), 6))
                                             : mirror.elementFor(role, flags);
                node.el.dataset.id = String(id);
                var stale = mirror.textFields.indexOf(mirror.nodes.get(id));
                if (stale >= 0) mirror.textFields.splice(stale, 1);
                node.el.className = mirror.isGroup(role) ? 'group' : 'item';
                if (old) {
                    while (old.firstChild && mirror.isGroup(role)) node.el.appendChild(old.firstChild);
                    old.replaceWith(node.el);
                }
                mirror.nodes.set(id, node);
                if (node.rect) mirror.place(node);
            }
            node.parent = a[2];
            var el = node.el;
            var name = a[1], description = a[4], value = a[5];
            var aria = function (attribute, on, text) {
                if (on) el.setAttribute(attribute, text === undefined ? 'true' : text);
                else el.removeAttribute(attribute);
            };
            var text = description ? name + '. ' + description : name;
            // Said when it appears or changes once the page has loaded; the
            // element itself is plain text, so nothing is said twice.
            if ((role === 'status' || role === 'alert') && node.said !== text) {
                mirror.announce(text, role === 'alert');
                node.said = text;
            }
            if (a[9] !== node.announced) {
                if (node.announced !== undefined && a[9]) mirror.announce(a[9], false);
                node.announced = a[9];
            }
            switch (role) {
            case 'text': case 'heading': case 'status': case 'alert':
                el.textContent = text;
                break;
            case 'button': case 'link': case 'option': case 'tab':
                el.textContent = name;
                if (role === 'option' || role === 'tab') {
                    el.setAttribute('role', role);
                    el.tabIndex = 0;
                    el.setAttribute('aria-selected', flags & f.selected ? 'true' : 'false');
                } else {
                    aria('aria-current', role === 'link' && (flags & f.selected), 'page');
                }
                aria('aria-disabled', flags & f.disabled);
                aria('data-submits', flags & f.submits, '');
                aria('data-cancels', flags & f.cancels, '');
                break;
            case 'combobox':
                el.setAttribute('role', 'combobox');   // a <button> may not be required or invalid
                el.textContent = value;
                el.setAttribute('aria-label', name + ': ' + value);
                el.setAttribute('aria-haspopup', 'listbox');
                el.setAttribute('aria-expanded', flags & f.expanded ? 'true' : 'false');
                mirror.describe(el, id, description, flags);
                break;
            case 'textbox':
                el.setAttribute('aria-label', name);
                // The focused field's text is the person's: ImGui follows it, not the other way.
                if (document.activeElement !== el && el.value !== value) el.value = value;
                el.autocomplete = a[7] || 'off';
                aria('inputmode', a[8], a[8]);
                el.spellcheck = !(flags & f.password) && !a[8];
                aria('autocapitalize', a[8] || a[7], 'off');
                mirror.describe(el, id, description, flags);
                break;
            case 'checkbox': case 'radio':
                el.checked = (flags & f.checked) !== 0;
                el.setAttribute('aria-label', name);
                if (role === 'radio') el.name = 'radio-' + a[2];
                break;
            default:   // groups
                if (role === 'dialog') { el.setAttribute('role', 'dialog'); el.setAttribute('aria-modal', 'true'); }
                else if (role !== 'banner' && role !== 'navigation' && role !== 'main') el.setAttribute('role', role);
                // Rows and cells are named by what they hold; their name only keeps ids apart.
                var labelled = role !== 'banner' && role !== 'main' && role !== 'row' && role !== 'cell' &&
                               role !== 'columnheader';
                aria('aria-label', name && labelled, name);
                // Only the rows in view are laid out: say where they are in the whole.
                aria('aria-rowcount', role === 'table' && value !== '', String(Number(value) + 1));
                aria('aria-rowindex', role === 'row' && value !== '', String(Number(value) + 1));
            }
            if (role === 'textbox') {
                if (mirror.textFields.indexOf(node) < 0) mirror.textFields.push(node);
            }
        },

        // Collected over one update and said together: several badges turning
        // in the same second are one sentence each, not the last one alone.
        announce: function (text, urgent) {
            if (!text || performance.now() < portalMirror.quietUntil) return;
            portalMirror.toSay[urgent ? 1 : 0].push(text);
        },
        say: function () {
            var mirror = portalMirror;
            [mirror.polite, mirror.assertive].forEach(function (region, urgent) {
                var texts = mirror.toSay[urgent];
                if (!texts.length) return;
                var text = texts.join('. ');
                // The same words again are a new event: make them differ to be read.
                region.textContent = region.textContent === text ? text + '\u00a0' : text;
                mirror.toSay[urgent] = [];
            });
        },

        describe: function (el, id, description, flags) {
            var f = portalMirror.flag;
            var describedId = 'describe-' + id;
            var described = document.getElementById(describedId);
            if (description) {
                if (!described) {
                    described = document.createElement('span');
                    described.id = describedId;
                    described.hidden = true;
                    portalMirror.descriptions.appendChild(described);
                }
                described.textContent = description;
                el.setAttribute('aria-describedby', describedId);
            } else {
                if (described) described.remove();
                el.removeAttribute('aria-describedby');
            }
            if (flags & f.invalid) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
            if (flags & f.required) el.setAttribute('aria-required', 'true'); else el.removeAttribute('aria-required');
        },

        isGroup: function (role) { return portalMirror.roles.indexOf(role) >= portalMirror.roles.indexOf('banner'); },

        place: function (node) {
            if (portalMirror.isGroup(node.role)) return;   // groups only hold their items
            var r = node.rect, s = node.el.style;
            s.left = r[0] + 'px';
            s.top = r[1] + 'px';
            s.width = Math.max(r[2], 1) + 'px';
            s.height = Math.max(r[3], 1) + 'px';
        },

        remove: function (id) {
            var node = portalMirror.nodes.get(id);
            if (!node) return;
            portalMirror.nodes.delete(id);
            var at = portalMirror.textFields.indexOf(node);
            if (at >= 0) portalMirror.textFields.splice(at, 1);
            var described = document.getElementById('describe-' + id);
            if (described) described.remove();
            var hadFocus = node.el.contains(document.activeElement);
            node.el.remove();
            // The focused item went away (a dialog closed): keep the keyboard on the page.
            if (hadFocus) document.getElementById('canvas').focus({ preventScroll: true });
        },

        // Puts every element under its parent in reading order.
        arrange: function (order) {
            var mirror = portalMirror;
            var next = new Map();   // parent element -> its children's elements in order
            order.forEach(function (id) {
                var node = mirror.nodes.get(id);
                if (!node) return;
                var parent = node.parent && mirror.nodes.get(node.parent);
                var container = parent ? parent.el : mirror.root;
                if (!next.has(container)) next.set(container, []);
                next.get(container).push(node.el);
            });
            next.forEach(function (children, container) {
                var at = container === mirror.root ? mirror.firstItemIndex() : 0;
                children.forEach(function (child, i) {
                    var here = container.children[at + i];
                    if (here !== child) container.insertBefore(child, here || null);
                });
            });
        },
        // The root starts with the skip link and the descriptions' holder.
        firstItemIndex: function () {
            var root = portalMirror.root;
            var i = 0;
            while (i < root.children.length && !root.children[i].dataset.id) i++;
            return i;
        },

        // A modal dialog makes everything else inert: Tab and the screen
        // reader's cursor stay inside it.
        trapInDialog: function () {
            var root = portalMirror.root;
            Array.prototype.forEach.call(root.querySelectorAll('[inert]'), function (el) { el.inert = false; });
            var dialog = root.querySelector('[role="dialog"]');
            document.getElementById('skip-to-content').inert = !!dialog;
            for (var el = dialog; el && el !== root; el = el.parentNode) {
                Array.prototype.forEach.call(el.parentNode.children, function (sibling) {
                    if (sibling !== el && sibling.dataset.id) sibling.inert = true;
                });
            }
        },

        apply: function (update) {
            var mirror = portalMirror;
            update.gone.forEach(mirror.remove);
            update.set.forEach(function (entry) { mirror.set(entry[0], entry[1]); });
            update.move.forEach(function (m) {
                var node = mirror.nodes.get(m[0]);
                if (!node) return;
                node.rect = [m[1], m[2], m[3], m[4]];
                mirror.place(node);
            });
            if (update.order) mirror.arrange(update.order);
            mirror.say();
            if (update.gone.length || update.set.length) mirror.trapInDialog();
            if (update.text) {
                var t = update.text;
                var node = mirror.nodes.get(t[0]);
                // ImGui's word on the text counts only once it has seen every edit
                // sent: an older one would undo what was typed since.
                var current = t[4] >= mirror.editsSent;
                if (node && node.role === 'textbox' && current && !node.el.classList.contains('composing')) {
                    var el = node.el;
                    mirror.lastText = t;
                    // ImGui moves the caret for a click or a drag in the field; a
                    // click it reads late must not move the caret of someone typing.
                    var typing = performance.now() - mirror.typedAt < 500;
                    var changed = el.value !== t[1];
                    if (changed) el.value = t[1];
                    if (document.activeElement === el && (changed || !typing))
                        el.setSelectionRange(mirror.utf16(t[1], t[2]), mirror.utf16(t[1], t[3]));
                }
            }
            if (update.focus) {
                var target = mirror.nodes.get(update.focus);
                var active = document.activeElement;
                var ours = !active || active === document.body || active.id === 'canvas' || mirror.root.contains(active);
                if (target && ours && active !== target.el) {
                    mirror.focusReason = 2;   // ImGui focused it already: nothing to ask back
                    target.el.focus({ preventScroll: true });
                    mirror.focusReason = 0;
                }
            }
        },
    },

    portal_js_mirror_update__deps: ['$portalMirror'],
    portal_js_mirror_update: function (json) {
        var mirror = portalMirror;
        if (!mirror.root) {
            mirror.init();
            mirror.descriptions = document.createElement('div');
            mirror.descriptions.hidden = true;
            mirror.root.appendChild(mirror.descriptions);
        }
        mirror.apply(JSON.parse(UTF8ToString(json)));
    },
});
