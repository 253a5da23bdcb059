#pragma once

#include "telemetry/Series.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

// The coder's inner steps; inlined into the chunk loops, which is where decoding time goes.
#define CONTINUO_HOT_INLINE [[gnu::always_inline]] inline

namespace Continuo {

namespace Internal {

/// Append-only bit stream, most significant bit first. Grows in small steps because a store
/// holds one of these per active series.
class BitWriter
{
public:
    void clear()
    {
        m_bytes.clear();
        m_freeBits = 0;
    }

    CONTINUO_HOT_INLINE void writeBit(bool bit)
    {
        if (m_freeBits == 0)
            pushByte();
        if (bit)
            m_bytes.back() |= std::uint8_t(1u << (m_freeBits - 1));
        --m_freeBits;
    }

    /// The low `count` bits of value (0 <= count <= 64).
    CONTINUO_HOT_INLINE void writeBits(std::uint64_t value, int count)
    {
        while (count > 0) {
            if (m_freeBits == 0)
                pushByte();
            const int n = count < m_freeBits ? count : m_freeBits;
            const auto chunk = std::uint8_t((value >> (count - n)) & ((1u << n) - 1u));
            m_bytes.back() |= std::uint8_t(chunk << (m_freeBits - n));
            m_freeBits = std::uint8_t(m_freeBits - n);
            count -= n;
        }
    }

    void writeByte(std::uint8_t byte) { writeBits(byte, 8); }

    /// Unsigned LEB128, byte groups written through the bit stream.
    void writeUVarint(std::uint64_t value)
    {
        while (value >= 0x80) {
            writeByte(std::uint8_t(value | 0x80));
            value >>= 7;
        }
        writeByte(std::uint8_t(value));
    }

    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }
    std::vector<std::uint8_t> &bytes() { return m_bytes; }
    std::size_t capacityBytes() const { return m_bytes.capacity(); }
    void shrinkToFit() { m_bytes.shrink_to_fit(); }

private:
    void pushByte()
    {
        if (m_bytes.size() == m_bytes.capacity())
            m_bytes.reserve(m_bytes.capacity() + (m_bytes.capacity() < 64 ? 32 : m_bytes.capacity() / 2));
        m_bytes.push_back(0);
        m_freeBits = 8;
    }

    std::vector<std::uint8_t> m_bytes;
    std::uint8_t m_freeBits = 0;
};

/// Bounds-checked reader over untrusted bytes: every read says whether it succeeded. Bits are
/// served from a 64-bit window refilled a byte at a time, never past the end of the input.
class BitReader
{
public:
    BitReader() = default;
    BitReader(const std::uint8_t *data, std::size_t sizeBytes) : m_data(data), m_size(sizeBytes) {}

    CONTINUO_HOT_INLINE bool readBit(bool &bit)
    {
        if (m_bufferBits == 0) {
            refill();
            if (m_bufferBits == 0)
                return false;
        }
        bit = (m_buffer >> 63) != 0;
        m_buffer <<= 1;
        --m_bufferBits;
        return true;
    }

    CONTINUO_HOT_INLINE bool readBits(int count, std::uint64_t &value)
    {
        if (count <= 0 || count > 64) {
            value = 0;
            return count == 0;
        }
        if (count > 56) {
            std::uint64_t high = 0;
            std::uint64_t low = 0;
            if (!readUpTo56(count - 32, high) || !readUpTo56(32, low))
                return false;
            value = (high << 32) | low;
            return true;
        }
        return readUpTo56(count, value);
    }

    bool readUVarint(std::uint64_t &value)
    {
        std::uint64_t result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            std::uint64_t byte = 0;
            if (!readBits(8, byte))
                return false;
            if (shift == 63 && byte > 1)
                return false; // overflows 64 bits
            result |= (byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                value = result;
                return true;
            }
        }
        return false;
    }

private:
    CONTINUO_HOT_INLINE bool readUpTo56(int count, std::uint64_t &value)
    {
        if (m_bufferBits < count) {
            refill();
            if (m_bufferBits < count)
                return false;
        }
        value = m_buffer >> (64 - count);
        m_buffer <<= count;
        m_bufferBits -= count;
        return true;
    }

    void refill()
    {
        while (m_bufferBits <= 56 && m_position < m_size) {
            m_buffer |= std::uint64_t(m_data[m_position++]) << (56 - m_bufferBits);
            m_bufferBits += 8;
        }
    }

    const std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_position = 0;
    std::uint64_t m_buffer = 0; // valid bits at the top
    int m_bufferBits = 0;
};

inline std::uint64_t zigZag(std::int64_t value)
{
    return (std::uint64_t(value) << 1) ^ std::uint64_t(value >> 63);
}

inline std::int64_t unZigZag(std::uint64_t value)
{
    return std::int64_t(value >> 1) ^ -std::int64_t(value & 1);
}

/// Gorilla delta-of-delta buckets, widened for millisecond timestamps: a 15 s scrape with a few
/// ms of jitter lands in the 9-bit bucket, a missed scrape in the 17-bit one.
struct DodBucket
{
    std::uint64_t prefix;
    int prefixBits;
    int valueBits;
};
inline constexpr std::array<DodBucket, 4> DodBuckets{{
    {0b10, 2, 7},     // [-63, 64]
    {0b110, 3, 14},   // [-8191, 8192]
    {0b1110, 4, 20},  // [-524287, 524288]
    {0b1111, 4, 64},  // anything
}};

/// Delta-of-delta timestamp coder state (encoder and decoder share it).
struct TimestampState
{
    std::int64_t lastMs = 0;
    std::int64_t lastDeltaMs = 0;

    void encode(BitWriter &out, std::int64_t timestampMs, int index)
    {
        if (index == 0) {
            out.writeUVarint(zigZag(timestampMs));
        } else if (index == 1) {
            lastDeltaMs = timestampMs - lastMs;
            out.writeUVarint(std::uint64_t(lastDeltaMs));
        } else {
            const std::int64_t delta = timestampMs - lastMs;
            const std::int64_t dod = delta - lastDeltaMs;
            if (dod == 0) {
                out.writeBit(false);
            } else {
                for (const DodBucket &bucket : DodBuckets) {
                    const std::int64_t high = bucket.valueBits == 64 ? INT64_MAX
                                                                     : (std::int64_t(1) << (bucket.valueBits - 1));
                    if (bucket.valueBits == 64 || (dod >= -(high - 1) && dod <= high)) {
                        out.writeBits(bucket.prefix, bucket.prefixBits);
                        out.writeBits(std::uint64_t(dod), bucket.valueBits);
                        break;
                    }
                }
            }
            lastDeltaMs = delta;
        }
        lastMs = timestampMs;
    }

    CONTINUO_HOT_INLINE bool decode(BitReader &in, std::int64_t &timestampMs, int index)
    {
        if (index == 0) {
            std::uint64_t raw = 0;
            if (!in.readUVarint(raw))
                return false;
            lastMs = unZigZag(raw);
        } else if (index == 1) {
            std::uint64_t raw = 0;
            if (!in.readUVarint(raw) || raw == 0 || raw > std::uint64_t(INT64_MAX))
                return false;
            lastDeltaMs = std::int64_t(raw);
            if (__builtin_add_overflow(lastMs, lastDeltaMs, &lastMs))
                return false;
        } else {
            int ones = 0;
            bool bit = false;
            while (ones < 4) {
                if (!in.readBit(bit))
                    return false;
                if (!bit)
                    break;
                ++ones;
            }
            std::int64_t dod = 0;
            if (ones > 0) {
                const DodBucket &bucket = DodBuckets[std::size_t(ones - 1)];
                std::uint64_t raw = 0;
                if (!in.readBits(bucket.valueBits, raw))
                    return false;
                if (bucket.valueBits < 64 && raw > (std::uint64_t(1) << (bucket.valueBits - 1)))
                    raw -= std::uint64_t(1) << bucket.valueBits;
                dod = std::int64_t(raw);
            }
            std::int64_t delta = 0;
            if (__builtin_add_overflow(lastDeltaMs, dod, &delta) || delta <= 0)
                return false;
            lastDeltaMs = delta;
            if (__builtin_add_overflow(lastMs, delta, &lastMs))
                return false;
        }
        timestampMs = lastMs;
        return true;
    }
};

/// Gorilla XOR value coder with reuse of the previous leading/trailing-zero window.
struct XorValueState
{
    std::uint64_t lastBits = 0;
    std::uint8_t leading = 0xff; // 0xff: no window yet
    std::uint8_t trailing = 0;

    void encode(BitWriter &out, double value, int index)
    {
        const std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
        if (index == 0) {
            out.writeBits(bits, 64);
            lastBits = bits;
            return;
        }
        const std::uint64_t x = bits ^ lastBits;
        lastBits = bits;
        if (x == 0) {
            out.writeBit(false);
            return;
        }
        int lead = std::countl_zero(x);
        const int trail = std::countr_zero(x);
        if (lead > 31)
            lead = 31;
        const int significant = 64 - lead - trail;
        // Reuse the previous window when it fits, unless a fresh, narrower window is cheaper
        // (Gorilla's rule alone never shrinks a window widened by one large change).
        if (leading != 0xff && lead >= leading && trail >= trailing) {
            const int windowBits = 64 - leading - trailing;
            if (windowBits <= significant + 11) {
                out.writeBits(0b10, 2);
                out.writeBits(x >> trailing, windowBits);
                return;
            }
        }
        out.writeBits(0b11, 2);
        out.writeBits(std::uint64_t(lead), 5);
        out.writeBits(std::uint64_t(significant & 63), 6); // 64 is written as 0
        out.writeBits(x >> trail, significant);
        leading = std::uint8_t(lead);
        trailing = std::uint8_t(trail);
    }

    CONTINUO_HOT_INLINE bool decode(BitReader &in, double &value, int index)
    {
        if (index == 0) {
            if (!in.readBits(64, lastBits))
                return false;
            value = std::bit_cast<double>(lastBits);
            return true;
        }
        bool bit = false;
        if (!in.readBit(bit))
            return false;
        if (bit) {
            if (!in.readBit(bit))
                return false;
            if (bit) {
                std::uint64_t lead = 0;
                std::uint64_t significant = 0;
                if (!in.readBits(5, lead) || !in.readBits(6, significant))
                    return false;
                if (significant == 0)
                    significant = 64;
                if (lead + significant > 64)
                    return false;
                leading = std::uint8_t(lead);
                trailing = std::uint8_t(64 - lead - significant);
            } else if (leading == 0xff) {
                return false; // window reuse before any window: corrupt
            }
            const int significant = 64 - leading - trailing;
            std::uint64_t raw = 0;
            if (!in.readBits(significant, raw))
                return false;
            lastBits ^= significant == 64 ? raw : raw << trailing;
        }
        value = std::bit_cast<double>(lastBits);
        return true;
    }
};

inline constexpr int ChunkHeaderBytes = 3; // u16 sample count (big-endian), u8 column count

} // namespace Internal

/// Decodes a chunk produced by BasicXorChunk<Columns>. Never reads outside the given bytes;
/// truncated or corrupt input ends the iteration with hasError() set.
template<int Columns>
class BasicXorChunkIterator
{
public:
    BasicXorChunkIterator() = default;
    BasicXorChunkIterator(const std::uint8_t *data, std::size_t sizeBytes)
    {
        if (sizeBytes < std::size_t(Internal::ChunkHeaderBytes)) {
            m_error = sizeBytes == 0 ? nullptr : "truncated chunk header";
            return;
        }
        m_count = (int(data[0]) << 8) | int(data[1]);
        if (data[2] != Columns) {
            m_error = "chunk has an unexpected column count";
            m_count = 0;
            return;
        }
        m_reader = Internal::BitReader(data + Internal::ChunkHeaderBytes,
                                       sizeBytes - Internal::ChunkHeaderBytes);
    }
    explicit BasicXorChunkIterator(QByteArrayView bytes)
        : BasicXorChunkIterator(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                std::size_t(bytes.size()))
    {}

    /// Advances to the next sample; false at the end or on corrupt input.
    bool next()
    {
        if (m_index >= m_count || m_error)
            return false;
        if (!m_time.decode(m_reader, m_timestampMs, m_index)) {
            m_error = "truncated or corrupt timestamp";
            return false;
        }
        for (int c = 0; c < Columns; ++c) {
            if (!m_values[std::size_t(c)].decode(m_reader, m_current[std::size_t(c)], m_index)) {
                m_error = "truncated or corrupt value";
                return false;
            }
        }
        ++m_index;
        return true;
    }

    qint64 timestampMs() const { return m_timestampMs; }
    double value(int column = 0) const { return m_current[std::size_t(column)]; }
    Sample sample() const { return {m_timestampMs, m_current[0]}; }
    int sampleCount() const { return m_count; }
    bool hasError() const { return m_error != nullptr; }
    QString error() const { return m_error ? QString::fromLatin1(m_error) : QString(); }

private:
    Internal::BitReader m_reader;
    Internal::TimestampState m_time;
    std::array<Internal::XorValueState, Columns> m_values{};
    std::array<double, Columns> m_current{};
    std::int64_t m_timestampMs = 0;
    int m_count = 0;
    int m_index = 0;
    const char *m_error = nullptr;
};

/// Gorilla-compressed chunk (Pelkonen et al., VLDB 2015): delta-of-delta timestamps in ms and
/// XOR-compressed doubles, `Columns` values per timestamp (1 for samples, 4 for rollups).
/// Append is O(1). Layout: u16 count, u8 columns, then the bit stream.
template<int Columns>
class BasicXorChunk
{
public:
    /// Prometheus' cut points: a chunk seals at 120 samples or when it spans two hours.
    static constexpr int DefaultMaxSamples = 120;
    static constexpr qint64 DefaultMaxSpanMs = 2 * 3600 * 1000;
    static constexpr int MaxSamples = 65535;

    BasicXorChunk() { reset(); }

    /// Appends one timestamp with its values. Timestamps must strictly increase.
    Result<void> append(qint64 timestampMs, const double *values)
    {
        if (m_count > 0 && timestampMs <= m_time.lastMs)
            return makeError(QStringLiteral("timestamp %1 ms is not after the chunk's last (%2 ms)")
                                 .arg(timestampMs)
                                 .arg(m_time.lastMs));
        if (m_count >= MaxSamples)
            return makeError(QStringLiteral("chunk is full"));
        if (m_count == 0)
            m_minTimestampMs = timestampMs;
        appendUnchecked(timestampMs, values);
        return {};
    }
    Result<void> append(qint64 timestampMs, double value)
        requires(Columns == 1)
    {
        return append(timestampMs, &value);
    }

    /// For callers that already checked order and capacity (the store's hot path).
    void appendUnchecked(qint64 timestampMs, const double *values)
    {
        if (m_count == 0)
            m_minTimestampMs = timestampMs;
        m_time.encode(m_writer, timestampMs, m_count);
        for (int c = 0; c < Columns; ++c)
            m_values[std::size_t(c)].encode(m_writer, values[c], m_count);
        ++m_count;
        auto &bytes = m_writer.bytes();
        bytes[0] = std::uint8_t(m_count >> 8);
        bytes[1] = std::uint8_t(m_count & 0xff);
    }

    /// Empties the chunk but keeps its buffer, so the next chunk of a series does not allocate.
    void reset()
    {
        m_writer.clear();
        m_writer.writeBits(0, 16);
        m_writer.writeByte(std::uint8_t(Columns));
        m_time = {};
        m_values = {};
        m_count = 0;
        m_minTimestampMs = 0;
    }

    int sampleCount() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qint64 minTimestampMs() const { return m_minTimestampMs; }
    qint64 maxTimestampMs() const { return m_time.lastMs; }
    double lastValue(int column = 0) const
    {
        return std::bit_cast<double>(m_values[std::size_t(column)].lastBits);
    }

    /// Whether a sample at timestampMs belongs in a new chunk under the given cut policy.
    bool needsCut(qint64 timestampMs, int maxSamples = DefaultMaxSamples,
                  qint64 maxSpanMs = DefaultMaxSpanMs) const
    {
        return m_count > 0
               && (m_count >= maxSamples || timestampMs - m_minTimestampMs >= maxSpanMs);
    }

    const std::uint8_t *data() const { return m_writer.bytes().data(); }
    std::size_t sizeBytes() const { return m_writer.bytes().size(); }
    QByteArrayView bytes() const
    {
        return QByteArrayView(reinterpret_cast<const char *>(data()), qsizetype(sizeBytes()));
    }
    QByteArray toByteArray() const { return bytes().toByteArray(); }
    /// Heap bytes held, including unused buffer capacity.
    std::size_t memoryBytes() const { return m_writer.capacityBytes(); }

    BasicXorChunkIterator<Columns> iterator() const { return {data(), sizeBytes()}; }

private:
    Internal::BitWriter m_writer;
    Internal::TimestampState m_time;
    std::array<Internal::XorValueState, Columns> m_values{};
    qint64 m_minTimestampMs = 0;
    int m_count = 0;
};

using XorChunk = BasicXorChunk<1>;
using XorChunkIterator = BasicXorChunkIterator<1>;

/// Rollup chunk: per bucket start, min/max/sum/count.
using RollupChunk = BasicXorChunk<4>;
using RollupChunkIterator = BasicXorChunkIterator<4>;

/// Decodes a whole sample chunk; an error for truncated or corrupt bytes.
CONTINUO_CORE_EXPORT Result<QList<Sample>> decodeXorChunk(QByteArrayView bytes);

} // namespace Continuo
