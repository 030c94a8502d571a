#include "frame_picture.hpp"

#include <imgui.h>

#include <cstring>

namespace shell {

namespace {

// FNV-1a over 64-bit words: one multiply per 8 bytes keeps a full tickets
// screen (tens of thousands of vertices) well under a tenth of a millisecond.
class Fingerprint {
public:
    void add(const void* data, std::size_t size) {
        const unsigned char* bytes = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            mix(word);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, bytes + i, size - i);
        mix(tail ^ size);
    }
    template <typename T> void add_value(const T& value) { add(&value, sizeof value); }
    std::uint64_t value() const { return hash_; }

private:
    void mix(std::uint64_t word) {
        hash_ ^= word;
        hash_ *= 0x100000001b3ull;
    }
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

}  // namespace

bool FramePicture::changed(const ImDrawData& draw_data) {
    Fingerprint fingerprint;
    fingerprint.add_value(draw_data.DisplayPos);
    fingerprint.add_value(draw_data.DisplaySize);
    fingerprint.add_value(draw_data.CmdListsCount);
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        fingerprint.add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        fingerprint.add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& command : list.CmdBuffer) {
            fingerprint.add_value(command.ClipRect);
            fingerprint.add_value(command.TextureId);
            fingerprint.add_value(command.VtxOffset);
            fingerprint.add_value(command.IdxOffset);
            fingerprint.add_value(command.ElemCount);
        }
    }
    const bool different = !presented_ || fingerprint.value() != fingerprint_;
    fingerprint_ = fingerprint.value();
    presented_ = true;
    return different;
}

}  // namespace shell
