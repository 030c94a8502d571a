// core/checks/attachment_kind: what a file is, from its bytes alone, and the
// name it is shown and downloaded by.
#include "core/checks/attachment_kind.hpp"

#include <doctest/doctest.h>

using core::AttachmentKind;

TEST_CASE("screenshots by their signature, HAR files and logs by their text; everything else refused with what to attach") {
    CHECK(core::sniff_attachment(std::string("\x89PNG\r\n\x1A\n....", 12)).kind == AttachmentKind::Png);
    CHECK(core::sniff_attachment("\xFF\xD8\xFF\xE1 exif").kind == AttachmentKind::Jpeg);
    CHECK(core::sniff_attachment(std::string("RIFF\0\0\0\0WEBPVP8L", 16)).kind == AttachmentKind::Webp);
    CHECK(core::sniff_attachment("RIFF....WAVEfmt ").kind == AttachmentKind::Log);   // text after all: a log
    CHECK(core::sniff_attachment("\xEF\xBB\xBF  \n{\"log\":{}}").kind == AttachmentKind::Har);
    CHECK(core::sniff_attachment("2026-12-07 10:00 ERROR x\n").kind == AttachmentKind::Log);
    CHECK(core::sniff_attachment("Grüße, 東京\n").kind == AttachmentKind::Log);
    const auto page = core::sniff_attachment("  <!DOCTYPE html><script>alert(1)</script>");
    CHECK_FALSE(page.kind);
    CHECK(page.problem == "Pages and XML files are not attached as they are: take a screenshot, or save the text as a .txt file.");
    CHECK_FALSE(core::sniff_attachment("<svg onload=alert(1)>").kind);
    CHECK_FALSE(core::sniff_attachment(std::string("log\0line", 8)).kind);
    CHECK_FALSE(core::sniff_attachment("\xC3\x28 broken UTF-8").kind);
    CHECK(core::sniff_attachment("").problem == "The file is empty.");
    CHECK(core::sniff_attachment(std::string("GIF89a\x01\x00\xff", 9)).problem ==
          "Attach a screenshot (PNG, JPEG or WebP), a log file (plain text) or a HAR file; this file is none of them.");
}

TEST_CASE("a file's name: its last path part, no control characters, at most 200 bytes, never empty") {
    CHECK(core::attachment_file_name("C:\\Users\\sam\\shot.png", AttachmentKind::Png) == "shot.png");
    CHECK(core::attachment_file_name("../../etc/passwd", AttachmentKind::Log) == "passwd");
    CHECK(core::attachment_file_name("  a\nb\x7F.log ", AttachmentKind::Log) == "ab.log");
    CHECK(core::attachment_file_name("", AttachmentKind::Har) == "attachment.har");
    CHECK(core::attachment_file_name("..", AttachmentKind::Log) == "attachment.txt");
    CHECK(core::attachment_file_name("dir/", AttachmentKind::Jpeg) == "attachment.jpeg");
    CHECK(core::attachment_file_name("\xFF\xFE.png", AttachmentKind::Png) == "attachment.png");
    const std::string long_name = std::string(198, 'a') + "é.log";   // é's two bytes at 198 and 199: kept whole
    CHECK(core::attachment_file_name(long_name, AttachmentKind::Log) == std::string(198, 'a') + "é");
    const std::string cut_name = std::string(199, 'a') + "é.log";     // é would straddle 200: left out
    CHECK(core::attachment_file_name(cut_name, AttachmentKind::Log) == std::string(199, 'a'));
}
