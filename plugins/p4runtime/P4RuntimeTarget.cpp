#include "P4RuntimeTarget.h"

#include "network/P4Entry.h"

#include "p4/v1/p4runtime.pb.h"

#include <google/protobuf/arena.h>

#include <QStringBuilder>

namespace Continuo::P4Runtime {

P4RuntimeTarget::P4RuntimeTarget(QString switchId, ClientOptions options, P4Program assumedProgram)
    : m_switchId(std::move(switchId))
    , m_client([&] {
        if (options.name.isEmpty())
            options.name = m_switchId;
        return std::move(options);
    }())
    , m_program(std::move(assumedProgram))
{
    m_client.setPacketInHandler([this](const p4::v1::PacketIn &in) {
        std::function<void(const P4Packet &)> handler;
        P4Program program;
        {
            std::lock_guard lock(m_programMutex);
            handler = m_packetInHandler;
            program = m_program;
        }
        if (!handler)
            return;
        P4Packet packet;
        packet.payload = QByteArray(in.payload().data(), qsizetype(in.payload().size()));
        for (const p4::v1::PacketMetadata &meta : in.metadata()) {
            QByteArray value(meta.value().data(), qsizetype(meta.value().size()));
            QString name = QStringLiteral("#") + QString::number(meta.metadata_id());
            if (!program.isNull()) {
                for (const P4PacketMetadataInfo &info : program.packetInMetadata()) {
                    if (info.id != meta.metadata_id())
                        continue;
                    name = info.name;
                    if (auto padded = P4RuntimeCodec::padded(value, info.bitwidth))
                        value = *padded;
                    break;
                }
            }
            packet.metadata.insert(name, value);
        }
        handler(packet);
    });
}

P4RuntimeTarget::~P4RuntimeTarget()
{
    m_client.disconnect();
}

QString P4RuntimeTarget::switchId() const
{
    return m_switchId;
}

QString P4RuntimeTarget::prefix() const
{
    return QStringLiteral("switch ") + m_switchId;
}

P4Program P4RuntimeTarget::program() const
{
    std::lock_guard lock(m_programMutex);
    return m_program;
}

Result<P4Program> P4RuntimeTarget::requireProgram() const
{
    P4Program current = program();
    if (current.isNull())
        return makeError(prefix() + QStringLiteral(" runs no known P4 program: set its pipeline first"));
    return current;
}

Result<void> P4RuntimeTarget::connectTarget()
{
    std::lock_guard call(m_callMutex);
    auto state = m_client.connect();
    if (!state)
        return makeError(state.error());
    if (*state != ArbitrationState::Primary) {
        const ElectionId primary = m_client.primaryElectionId();
        m_client.disconnect();
        return makeError(prefix() % QStringLiteral(": another controller is primary (election id ")
                         % primary.toString() % QStringLiteral(", ours ")
                         % m_client.options().electionId.toString() % QLatin1Char(')'));
    }
    // Learn the program the device runs, when it runs one; otherwise keep what we assumed.
    p4::v1::ForwardingPipelineConfig config;
    if (m_client.getForwardingPipelineConfig(&config, p4::v1::GetForwardingPipelineConfigRequest::P4INFO_AND_COOKIE)
        && config.has_p4info() && config.p4info().tables_size() > 0) {
        const std::string bytes = config.p4info().SerializeAsString();
        if (auto program = P4Program::fromP4Info(QByteArray(bytes.data(), qsizetype(bytes.size())))) {
            std::lock_guard lock(m_programMutex);
            m_program = *program;
        }
    }
    return {};
}

void P4RuntimeTarget::disconnectTarget()
{
    std::lock_guard call(m_callMutex);
    m_client.disconnect();
}

bool P4RuntimeTarget::isConnected() const
{
    return m_client.isStreamUp() && m_client.arbitrationState() == ArbitrationState::Primary;
}

Result<void> P4RuntimeTarget::setPipeline(const P4Program &program, const QByteArray &deviceConfig)
{
    if (program.isNull())
        return makeError(prefix() + QStringLiteral(": no program to install"));
    std::lock_guard call(m_callMutex);
    if (auto ok = m_client.setForwardingPipelineConfig(
            program.p4Info(), deviceConfig, p4::v1::SetForwardingPipelineConfigRequest::VERIFY_AND_COMMIT);
        !ok)
        return ok;
    std::lock_guard lock(m_programMutex);
    m_program = program;
    return {};
}

Result<P4Program> P4RuntimeTarget::pipeline()
{
    std::lock_guard call(m_callMutex);
    p4::v1::ForwardingPipelineConfig config;
    if (auto ok = m_client.getForwardingPipelineConfig(&config, p4::v1::GetForwardingPipelineConfigRequest::P4INFO_AND_COOKIE);
        !ok)
        return makeError(ok.error());
    if (!config.has_p4info() || config.p4info().ByteSizeLong() == 0)
        return P4Program();
    const std::string bytes = config.p4info().SerializeAsString();
    auto program = P4Program::fromP4Info(QByteArray(bytes.data(), qsizetype(bytes.size())));
    if (!program)
        return makeError(prefix() + QStringLiteral(" reports a P4Info Continuo cannot load: ") + program.error());
    return program;
}

static p4::v1::Update::Type wireType(P4Update::Type type)
{
    switch (type) {
    case P4Update::Type::Insert: return p4::v1::Update::INSERT;
    case P4Update::Type::Modify: return p4::v1::Update::MODIFY;
    case P4Update::Type::Delete: return p4::v1::Update::DELETE;
    }
    return p4::v1::Update::UNSPECIFIED;
}

static QString typeName(P4Update::Type type)
{
    switch (type) {
    case P4Update::Type::Insert: return QStringLiteral("INSERT");
    case P4Update::Type::Modify: return QStringLiteral("MODIFY");
    case P4Update::Type::Delete: return QStringLiteral("DELETE");
    }
    return QStringLiteral("UPDATE");
}

Result<void> P4RuntimeTarget::write(const QList<P4Update> &updates, bool atomic)
{
    if (updates.isEmpty())
        return {};
    auto program = requireProgram();
    if (!program)
        return makeError(program.error());
    std::lock_guard call(m_callMutex);
    // One arena for the whole request: the updates' messages and byte strings in a few blocks
    // instead of several allocations per entry.
    google::protobuf::ArenaOptions arenaOptions;
    arenaOptions.start_block_size = 64 * 1024;
    arenaOptions.max_block_size = 1024 * 1024;
    google::protobuf::Arena arena(arenaOptions);
    auto *request = google::protobuf::Arena::CreateMessage<p4::v1::WriteRequest>(&arena);
    request->set_atomicity(atomic ? p4::v1::WriteRequest::ROLLBACK_ON_ERROR
                                  : p4::v1::WriteRequest::CONTINUE_ON_ERROR);
    request->mutable_updates()->Reserve(int(updates.size()));
    for (qsizetype i = 0; i < updates.size(); ++i) {
        const P4Update &update = updates.at(i);
        p4::v1::Update *out = request->add_updates();
        out->set_type(wireType(update.type));
        if (auto ok = P4RuntimeCodec::toProto(*program, update.entry, out->mutable_entity()->mutable_table_entry());
            !ok) {
            return makeError(prefix() % QStringLiteral(": update ") % QString::number(i) % QStringLiteral(" (")
                             % typeName(update.type) % QLatin1Char(' ')
                             % P4EntryText::format(*program, update.entry) % QStringLiteral(") cannot be encoded: ")
                             % ok.error());
        }
    }
    return m_client.write(*request, [&](int index) -> QString {
        if (index < 0 || index >= updates.size())
            return QString();
        const P4Update &update = updates.at(index);
        return typeName(update.type) % QLatin1Char(' ') % P4EntryText::format(*program, update.entry);
    });
}

Result<QList<P4TableEntry>> P4RuntimeTarget::readEntries(const QString &table, QList<P4CounterData> *counters)
{
    auto program = requireProgram();
    if (!program)
        return makeError(program.error());
    quint32 tableId = 0;
    if (!table.isEmpty()) {
        const P4TableInfo *info = program->table(table);
        if (!info)
            return makeError(prefix() % QStringLiteral(": program ") % program->name()
                             % QStringLiteral(" has no table ") % table);
        tableId = info->id;
    }
    std::lock_guard call(m_callMutex);
    p4::v1::ReadRequest request;
    p4::v1::TableEntry *filter = request.add_entities()->mutable_table_entry();
    filter->set_table_id(tableId);
    if (counters) {
        filter->mutable_counter_data(); // present: "return the direct counters too" (§9.1)
        counters->clear();
    }
    QList<P4TableEntry> entries;
    QString decodeError;
    auto ok = m_client.read(request, [&](p4::v1::ReadResponse &response) {
        for (const p4::v1::Entity &entity : response.entities()) {
            if (!entity.has_table_entry())
                continue;
            auto entry = P4RuntimeCodec::fromProto(*program, entity.table_entry());
            if (!entry) {
                if (decodeError.isEmpty())
                    decodeError = entry.error();
                continue;
            }
            entries.append(std::move(*entry));
            if (counters) {
                const p4::v1::CounterData &data = entity.table_entry().counter_data();
                counters->append({data.packet_count(), data.byte_count()});
            }
        }
    });
    if (!ok)
        return makeError(ok.error());
    if (!decodeError.isEmpty())
        return makeError(prefix() + QStringLiteral(" returned an entry Continuo cannot decode: ") + decodeError);
    return entries;
}

Result<P4CounterData> P4RuntimeTarget::readCounter(const QString &counter, qint64 index)
{
    auto program = requireProgram();
    if (!program)
        return makeError(program.error());
    const P4CounterInfo *info = program->counter(counter);
    if (!info)
        return makeError(prefix() % QStringLiteral(": program ") % program->name() % QStringLiteral(" has no counter ")
                         % counter);
    if (info->directTableId)
        return makeError(prefix() % QStringLiteral(": counter ") % counter
                         % QStringLiteral(" is a direct counter; read its table's entries instead"));
    if (index < 0 || (info->size > 0 && index >= info->size))
        return makeError(prefix() % QStringLiteral(": counter ") % counter % QStringLiteral(" has no index ")
                         % QString::number(index) % QStringLiteral(" (size ") % QString::number(info->size)
                         % QLatin1Char(')'));
    std::lock_guard call(m_callMutex);
    p4::v1::ReadRequest request;
    p4::v1::CounterEntry *filter = request.add_entities()->mutable_counter_entry();
    filter->set_counter_id(info->id);
    filter->mutable_index()->set_index(index);
    std::optional<P4CounterData> found;
    auto ok = m_client.read(request, [&](p4::v1::ReadResponse &response) {
        for (const p4::v1::Entity &entity : response.entities()) {
            if (entity.has_counter_entry() && entity.counter_entry().counter_id() == info->id
                && entity.counter_entry().index().index() == index) {
                found = P4CounterData{entity.counter_entry().data().packet_count(),
                                      entity.counter_entry().data().byte_count()};
            }
        }
    });
    if (!ok)
        return makeError(ok.error());
    if (!found)
        return makeError(prefix() % QStringLiteral(" returned no cell ") % QString::number(index)
                         % QStringLiteral(" of counter ") % counter);
    return *found;
}

Result<void> P4RuntimeTarget::sendPacketOut(const P4Packet &packet)
{
    auto program = requireProgram();
    if (!program)
        return makeError(program.error());
    p4::v1::PacketOut out;
    out.set_payload(packet.payload.constData(), size_t(packet.payload.size()));
    for (auto it = packet.metadata.cbegin(); it != packet.metadata.cend(); ++it) {
        const P4PacketMetadataInfo *info = nullptr;
        for (const P4PacketMetadataInfo &candidate : program->packetOutMetadata()) {
            if (candidate.name == it.key())
                info = &candidate;
        }
        if (!info)
            return makeError(prefix() % QStringLiteral(": the packet_out header has no field ") % it.key());
        auto padded = P4RuntimeCodec::padded(it.value(), info->bitwidth);
        if (!padded)
            return makeError(prefix() % QStringLiteral(": packet_out ") % it.key() % QStringLiteral(": ") % padded.error());
        const QByteArray value = P4RuntimeCodec::canonical(*padded);
        p4::v1::PacketMetadata *meta = out.add_metadata();
        meta->set_metadata_id(info->id);
        meta->set_value(value.constData(), size_t(value.size()));
    }
    return m_client.sendPacketOut(out);
}

void P4RuntimeTarget::setPacketInHandler(std::function<void(const P4Packet &)> handler)
{
    std::lock_guard lock(m_programMutex);
    m_packetInHandler = std::move(handler);
}

} // namespace Continuo::P4Runtime
