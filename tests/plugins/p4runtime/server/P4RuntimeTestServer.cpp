#include "P4RuntimeTestServer.h"

#include "network/P4Entry.h"
#include "network/P4Pipeline.h"

#include "p4/v1/p4runtime.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QHash>

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace Continuo::P4Runtime::Testing {

namespace {

using StreamRW = grpc::ServerReaderWriter<p4::v1::StreamMessageResponse, p4::v1::StreamMessageRequest>;

struct Election
{
    quint64 high = 0;
    quint64 low = 0;
    auto operator<=>(const Election &) const = default;
    static Election of(const p4::v1::Uint128 &id) { return {id.high(), id.low()}; }
    std::string text() const { return high ? std::to_string(high) + ":" + std::to_string(low) : std::to_string(low); }
};

struct Session
{
    StreamRW *stream = nullptr;
    std::mutex writeMutex;
    Election election;
    bool send(const p4::v1::StreamMessageResponse &message)
    {
        std::lock_guard lock(writeMutex);
        return stream->Write(message);
    }
};

constexpr int MaxCounterCells = 1 << 20;

struct Device
{
    quint64 id = 0;

    // Forwarding state.
    mutable std::mutex mutex;
    P4Program program;
    std::unique_ptr<P4SoftwarePipeline> pipeline;
    std::string deviceConfig;
    std::optional<quint64> cookie;
    std::optional<std::pair<P4Program, p4::v1::ForwardingPipelineConfig>> saved;
    QHash<quint32, std::vector<P4CounterData>> indexedCounters;

    // Arbitration.
    mutable std::mutex streamMutex;
    std::vector<Session *> sessions;

    void commit(const P4Program &newProgram)
    {
        program = newProgram;
        pipeline = std::make_unique<P4SoftwarePipeline>(newProgram);
        indexedCounters.clear();
        for (const P4CounterInfo &counter : newProgram.counters()) {
            if (!counter.directTableId)
                indexedCounters.insert(counter.id, std::vector<P4CounterData>(size_t(std::clamp<qint64>(counter.size, 0, MaxCounterCells))));
        }
    }

    /// The primary session (highest election id), or null. Caller holds streamMutex.
    Session *primaryLocked() const
    {
        Session *best = nullptr;
        for (Session *session : sessions) {
            if (!best || best->election < session->election)
                best = session;
        }
        return best;
    }

    /// Tell every session who is primary (P4Runtime 1.3 §5.3). Caller holds streamMutex.
    void announceLocked() const
    {
        const Session *primary = primaryLocked();
        if (!primary)
            return;
        for (Session *session : sessions) {
            p4::v1::StreamMessageResponse message;
            p4::v1::MasterArbitrationUpdate *update = message.mutable_arbitration();
            update->set_device_id(id);
            update->mutable_election_id()->set_high(primary->election.high);
            update->mutable_election_id()->set_low(primary->election.low);
            if (session == primary) {
                update->mutable_status()->set_code(grpc::StatusCode::OK);
                update->mutable_status()->set_message("primary");
            } else {
                update->mutable_status()->set_code(grpc::StatusCode::ALREADY_EXISTS);
                update->mutable_status()->set_message("election id " + primary->election.text() + " is primary");
            }
            session->send(message);
        }
    }

    std::optional<Election> primaryElection() const
    {
        std::lock_guard lock(streamMutex);
        if (const Session *primary = primaryLocked())
            return primary->election;
        return std::nullopt;
    }
};

grpc::Status fail(grpc::StatusCode code, const QString &message)
{
    return grpc::Status(code, message.toStdString());
}

int grpcCode(P4UpdateCode code)
{
    switch (code) {
    case P4UpdateCode::Ok: return grpc::StatusCode::OK;
    case P4UpdateCode::AlreadyExists: return grpc::StatusCode::ALREADY_EXISTS;
    case P4UpdateCode::NotFound: return grpc::StatusCode::NOT_FOUND;
    case P4UpdateCode::InvalidArgument: return grpc::StatusCode::INVALID_ARGUMENT;
    case P4UpdateCode::Aborted: return grpc::StatusCode::ABORTED;
    case P4UpdateCode::Unknown: break;
    }
    return grpc::StatusCode::UNKNOWN;
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class P4RuntimeTestServer::Service final : public p4::v1::P4Runtime::Service
{
public:
    explicit Service(const Options &options)
    {
        for (quint64 id : options.deviceIds) {
            auto device = std::make_unique<Device>();
            device->id = id;
            if (!options.initialProgram.isNull())
                device->commit(options.initialProgram);
            m_devices.emplace(id, std::move(device));
        }
    }

    Device *device(quint64 id) const
    {
        const auto it = m_devices.find(id);
        return it == m_devices.end() ? nullptr : it->second.get();
    }

    std::atomic<quint64> writeCalls{0};
    std::atomic<quint64> packetOuts{0};
    std::atomic<quint64> packetIns{0};

    grpc::Status Capabilities(grpc::ServerContext *, const p4::v1::CapabilitiesRequest *,
                              p4::v1::CapabilitiesResponse *response) override
    {
        response->set_p4runtime_api_version("1.3.0");
        return grpc::Status::OK;
    }

    grpc::Status SetForwardingPipelineConfig(grpc::ServerContext *, const p4::v1::SetForwardingPipelineConfigRequest *request,
                                             p4::v1::SetForwardingPipelineConfigResponse *) override
    {
        Device *dev = device(request->device_id());
        if (!dev)
            return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no device %1").arg(request->device_id()));
        if (auto denied = checkPrimary(*dev, request->election_id()); !denied.ok())
            return denied;
        using Request = p4::v1::SetForwardingPipelineConfigRequest;
        const auto action = request->action();
        if (action == Request::RECONCILE_AND_COMMIT)
            return fail(grpc::StatusCode::UNIMPLEMENTED, QStringLiteral("RECONCILE_AND_COMMIT is not supported"));
        std::lock_guard lock(dev->mutex);
        if (action == Request::COMMIT) {
            if (request->has_config())
                return fail(grpc::StatusCode::INVALID_ARGUMENT, QStringLiteral("COMMIT takes no config"));
            if (!dev->saved)
                return fail(grpc::StatusCode::FAILED_PRECONDITION, QStringLiteral("no saved config to commit"));
            dev->commit(dev->saved->first);
            dev->deviceConfig = dev->saved->second.p4_device_config();
            dev->cookie = dev->saved->second.has_cookie() ? std::optional(dev->saved->second.cookie().cookie()) : std::nullopt;
            dev->saved.reset();
            return grpc::Status::OK;
        }
        if (action != Request::VERIFY && action != Request::VERIFY_AND_SAVE && action != Request::VERIFY_AND_COMMIT)
            return fail(grpc::StatusCode::INVALID_ARGUMENT, QStringLiteral("unspecified pipeline config action"));
        if (!request->has_config() || !request->config().has_p4info())
            return fail(grpc::StatusCode::INVALID_ARGUMENT, QStringLiteral("the request has no P4Info"));
        auto program = P4Program::fromP4Info(bytes(request->config().p4info().SerializeAsString()));
        if (!program)
            return fail(grpc::StatusCode::INVALID_ARGUMENT, program.error());
        if (action == Request::VERIFY)
            return grpc::Status::OK;
        if (action == Request::VERIFY_AND_SAVE) {
            dev->saved.emplace(*program, request->config());
            return grpc::Status::OK;
        }
        dev->commit(*program);
        dev->deviceConfig = request->config().p4_device_config();
        dev->cookie = request->config().has_cookie() ? std::optional(request->config().cookie().cookie()) : std::nullopt;
        return grpc::Status::OK;
    }

    grpc::Status GetForwardingPipelineConfig(grpc::ServerContext *, const p4::v1::GetForwardingPipelineConfigRequest *request,
                                             p4::v1::GetForwardingPipelineConfigResponse *response) override
    {
        Device *dev = device(request->device_id());
        if (!dev)
            return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no device %1").arg(request->device_id()));
        using Request = p4::v1::GetForwardingPipelineConfigRequest;
        std::lock_guard lock(dev->mutex);
        p4::v1::ForwardingPipelineConfig *config = response->mutable_config();
        if (dev->program.isNull())
            return grpc::Status::OK; // nothing committed yet: an empty config
        const auto type = request->response_type();
        if (type == Request::ALL || type == Request::P4INFO_AND_COOKIE)
            *config->mutable_p4info() = dev->program.p4Info();
        if (type == Request::ALL || type == Request::DEVICE_CONFIG_AND_COOKIE)
            config->set_p4_device_config(dev->deviceConfig);
        if (dev->cookie)
            config->mutable_cookie()->set_cookie(*dev->cookie);
        return grpc::Status::OK;
    }

    grpc::Status Write(grpc::ServerContext *, const p4::v1::WriteRequest *request, p4::v1::WriteResponse *) override
    {
        ++writeCalls;
        Device *dev = device(request->device_id());
        if (!dev)
            return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no device %1").arg(request->device_id()));
        if (auto denied = checkPrimary(*dev, request->election_id()); !denied.ok())
            return denied;
        const int count = request->updates_size();
        if (count == 0)
            return grpc::Status::OK;
        const bool rollback = request->atomicity() != p4::v1::WriteRequest::CONTINUE_ON_ERROR;

        std::lock_guard lock(dev->mutex);
        if (!dev->pipeline)
            return fail(grpc::StatusCode::FAILED_PRECONDITION, QStringLiteral("device %1 has no forwarding pipeline config").arg(dev->id));

        // Decode first (the switch's own validation of ids and bytes), then apply the table
        // updates as one batch through the pipeline, which validates and applies them.
        std::vector<std::pair<int, QString>> results(size_t(count), {grpc::StatusCode::OK, QString()});
        QList<P4Update> updates;
        updates.reserve(count);
        std::vector<int> updateIndex;
        updateIndex.reserve(size_t(count));
        bool decodeFailed = false;
        std::vector<int> counterUpdates;
        for (int i = 0; i < count; ++i) {
            const p4::v1::Update &update = request->updates(i);
            if (update.type() == p4::v1::Update::UNSPECIFIED) {
                results[size_t(i)] = {grpc::StatusCode::INVALID_ARGUMENT, QStringLiteral("update type is UNSPECIFIED")};
                decodeFailed = true;
                continue;
            }
            if (update.entity().has_counter_entry()) {
                counterUpdates.push_back(i);
                continue;
            }
            if (!update.entity().has_table_entry()) {
                results[size_t(i)] = {grpc::StatusCode::UNIMPLEMENTED,
                                      QStringLiteral("only table entries and counter cells can be written")};
                decodeFailed = true;
                continue;
            }
            auto entry = P4RuntimeCodec::fromProto(dev->program, update.entity().table_entry());
            if (!entry) {
                results[size_t(i)] = {grpc::StatusCode::INVALID_ARGUMENT, entry.error()};
                decodeFailed = true;
                continue;
            }
            P4Update converted;
            converted.type = update.type() == p4::v1::Update::INSERT   ? P4Update::Type::Insert
                             : update.type() == p4::v1::Update::MODIFY ? P4Update::Type::Modify
                                                                       : P4Update::Type::Delete;
            converted.entry = std::move(*entry);
            updates.append(std::move(converted));
            updateIndex.push_back(i);
        }
        // Counter cells: MODIFY only (§9.2); checked before anything is applied.
        for (int i : counterUpdates) {
            const p4::v1::Update &update = request->updates(i);
            const p4::v1::CounterEntry &counter = update.entity().counter_entry();
            const auto cells = dev->indexedCounters.find(counter.counter_id());
            if (update.type() != p4::v1::Update::MODIFY)
                results[size_t(i)] = {grpc::StatusCode::INVALID_ARGUMENT, QStringLiteral("counter cells can only be modified")};
            else if (cells == dev->indexedCounters.end())
                results[size_t(i)] = {grpc::StatusCode::NOT_FOUND, QStringLiteral("no indexed counter %1").arg(counter.counter_id())};
            else if (!counter.has_index() || counter.index().index() < 0 || size_t(counter.index().index()) >= cells->size())
                results[size_t(i)] = {grpc::StatusCode::OUT_OF_RANGE, QStringLiteral("counter index out of range")};
            if (results[size_t(i)].first != grpc::StatusCode::OK)
                decodeFailed = true;
        }

        if (rollback && decodeFailed) {
            for (auto &result : results) {
                if (result.first == grpc::StatusCode::OK)
                    result = {grpc::StatusCode::ABORTED, QStringLiteral("not applied: another update of the batch failed")};
            }
        } else {
            const QList<P4UpdateResult> applied = dev->pipeline->write(
                updates, rollback ? P4WriteAtomicity::RollbackOnError : P4WriteAtomicity::ContinueOnError);
            bool tableFailed = false;
            for (qsizetype k = 0; k < applied.size() && k < qsizetype(updateIndex.size()); ++k) {
                if (!applied.at(k).isOk()) {
                    results[size_t(updateIndex[size_t(k)])] = {grpcCode(applied.at(k).code), applied.at(k).message};
                    tableFailed = true;
                }
            }
            for (int i : counterUpdates) {
                if (results[size_t(i)].first != grpc::StatusCode::OK)
                    continue;
                if (rollback && tableFailed) {
                    results[size_t(i)] = {grpc::StatusCode::ABORTED, QStringLiteral("not applied: another update of the batch failed")};
                    continue;
                }
                const p4::v1::CounterEntry &counter = request->updates(i).entity().counter_entry();
                dev->indexedCounters[counter.counter_id()][size_t(counter.index().index())]
                    = {counter.data().packet_count(), counter.data().byte_count()};
            }
        }

        int failed = 0;
        for (const auto &result : results)
            failed += result.first != grpc::StatusCode::OK;
        if (!failed)
            return grpc::Status::OK;
        google::rpc::Status status;
        status.set_code(grpc::StatusCode::UNKNOWN);
        const std::string summary = std::to_string(failed) + " of " + std::to_string(count) + " updates failed";
        status.set_message(summary);
        for (const auto &result : results) {
            p4::v1::Error error;
            error.set_canonical_code(result.first);
            if (!result.second.isEmpty())
                error.set_message(result.second.toStdString());
            status.add_details()->PackFrom(error);
        }
        return grpc::Status(grpc::StatusCode::UNKNOWN, summary, status.SerializeAsString());
    }

    grpc::Status Read(grpc::ServerContext *, const p4::v1::ReadRequest *request,
                      grpc::ServerWriter<p4::v1::ReadResponse> *writer) override
    {
        Device *dev = device(request->device_id());
        if (!dev)
            return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no device %1").arg(request->device_id()));
        constexpr int BatchEntities = 1000;
        p4::v1::ReadResponse response;
        auto flush = [&](bool force) {
            if (response.entities_size() == 0 || (!force && response.entities_size() < BatchEntities))
                return true;
            const bool ok = writer->Write(response);
            response.Clear();
            return ok;
        };

        std::lock_guard lock(dev->mutex);
        if (!dev->pipeline)
            return fail(grpc::StatusCode::FAILED_PRECONDITION, QStringLiteral("device %1 has no forwarding pipeline config").arg(dev->id));
        const P4Program &program = dev->program;
        for (const p4::v1::Entity &entity : request->entities()) {
            if (entity.has_table_entry() || entity.has_direct_counter_entry()) {
                const bool direct = entity.has_direct_counter_entry();
                const p4::v1::TableEntry &filter = direct ? entity.direct_counter_entry().table_entry() : entity.table_entry();
                const bool withCounters = direct || filter.has_counter_data();
                QList<const P4TableInfo *> tables;
                if (filter.table_id() == 0) {
                    for (const P4TableInfo &table : program.tables())
                        tables.append(&table);
                } else if (const P4TableInfo *table = program.table(filter.table_id())) {
                    tables.append(table);
                } else {
                    return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no table %1").arg(filter.table_id()));
                }
                QString keyFilter;
                if (filter.match_size() > 0) {
                    // The action of a read filter is ignored (§11.1); the codec wants one.
                    p4::v1::TableEntry keyOnly = filter;
                    if (!keyOnly.has_action() && tables.size() == 1 && !tables.first()->actionIds.isEmpty())
                        keyOnly.mutable_action()->mutable_action()->set_action_id(tables.first()->actionIds.first());
                    auto key = P4RuntimeCodec::fromProto(program, keyOnly);
                    if (!key)
                        return fail(grpc::StatusCode::INVALID_ARGUMENT, key.error());
                    keyFilter = key->matchKey();
                }
                for (const P4TableInfo *table : std::as_const(tables)) {
                    if (direct && table->directCounterIds.isEmpty())
                        continue;
                    QList<P4CounterData> counters;
                    const QList<P4TableEntry> entries = dev->pipeline->entries(table->name, withCounters ? &counters : nullptr);
                    for (qsizetype i = 0; i < entries.size(); ++i) {
                        const P4TableEntry &entry = entries.at(i);
                        // Default entries only when asked for (§9.1.3).
                        if (entry.isDefaultAction != filter.is_default_action())
                            continue;
                        if (!keyFilter.isEmpty() && entry.matchKey() != keyFilter)
                            continue;
                        p4::v1::Entity *out = response.add_entities();
                        p4::v1::TableEntry *te = direct ? out->mutable_direct_counter_entry()->mutable_table_entry()
                                                        : out->mutable_table_entry();
                        if (auto ok = P4RuntimeCodec::toProto(program, entry, te); !ok)
                            return fail(grpc::StatusCode::INTERNAL, ok.error());
                        if (withCounters && i < counters.size() && !table->directCounterIds.isEmpty()) {
                            p4::v1::CounterData *data = direct ? out->mutable_direct_counter_entry()->mutable_data()
                                                               : te->mutable_counter_data();
                            data->set_packet_count(counters.at(i).packets);
                            data->set_byte_count(counters.at(i).bytes);
                        }
                        if (!flush(false))
                            return grpc::Status(grpc::StatusCode::CANCELLED, "reader went away");
                    }
                }
            } else if (entity.has_counter_entry()) {
                const p4::v1::CounterEntry &filter = entity.counter_entry();
                if (filter.counter_id() != 0 && !dev->indexedCounters.contains(filter.counter_id()))
                    return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no indexed counter %1").arg(filter.counter_id()));
                for (auto it = dev->indexedCounters.cbegin(); it != dev->indexedCounters.cend(); ++it) {
                    if (filter.counter_id() != 0 && it.key() != filter.counter_id())
                        continue;
                    size_t first = 0;
                    size_t last = it->size();
                    if (filter.has_index()) {
                        if (filter.index().index() < 0 || size_t(filter.index().index()) >= it->size())
                            return fail(grpc::StatusCode::OUT_OF_RANGE, QStringLiteral("counter index %1 out of range").arg(filter.index().index()));
                        first = size_t(filter.index().index());
                        last = first + 1;
                    }
                    for (size_t cell = first; cell < last; ++cell) {
                        p4::v1::CounterEntry *out = response.add_entities()->mutable_counter_entry();
                        out->set_counter_id(it.key());
                        out->mutable_index()->set_index(qint64(cell));
                        out->mutable_data()->set_packet_count((*it)[cell].packets);
                        out->mutable_data()->set_byte_count((*it)[cell].bytes);
                        if (!flush(false))
                            return grpc::Status(grpc::StatusCode::CANCELLED, "reader went away");
                    }
                }
            } else {
                return fail(grpc::StatusCode::UNIMPLEMENTED, QStringLiteral("only table entries and counters can be read"));
            }
        }
        flush(true);
        return grpc::Status::OK;
    }

    grpc::Status StreamChannel(grpc::ServerContext *, StreamRW *stream) override
    {
        Session session;
        session.stream = stream;
        Device *dev = nullptr;
        auto leave = [&] {
            if (!dev)
                return;
            std::lock_guard lock(dev->streamMutex);
            const Session *before = dev->primaryLocked();
            std::erase(dev->sessions, &session);
            if (before == &session)
                dev->announceLocked();
        };
        p4::v1::StreamMessageRequest request;
        while (stream->Read(&request)) {
            if (request.has_arbitration()) {
                const p4::v1::MasterArbitrationUpdate &update = request.arbitration();
                Device *target = device(update.device_id());
                if (!target) {
                    leave();
                    return fail(grpc::StatusCode::NOT_FOUND, QStringLiteral("no device %1").arg(update.device_id()));
                }
                if (dev && dev != target) {
                    leave();
                    return fail(grpc::StatusCode::FAILED_PRECONDITION, QStringLiteral("the stream is already bound to device %1").arg(dev->id));
                }
                const Election election = Election::of(update.election_id());
                std::lock_guard lock(target->streamMutex);
                for (const Session *other : target->sessions) {
                    if (other != &session && other->election == election) {
                        const bool registered = std::find(target->sessions.begin(), target->sessions.end(), &session) != target->sessions.end();
                        if (registered)
                            std::erase(target->sessions, &session);
                        return fail(grpc::StatusCode::INVALID_ARGUMENT,
                                    QStringLiteral("election id %1 is already used by another controller")
                                        .arg(QString::fromStdString(election.text())));
                    }
                }
                session.election = election;
                if (!dev) {
                    dev = target;
                    dev->sessions.push_back(&session);
                }
                dev->announceLocked();
            } else if (request.has_packet()) {
                if (!dev) {
                    sendStreamError(session, grpc::StatusCode::FAILED_PRECONDITION, "arbitrate before sending packets", request.packet());
                    continue;
                }
                const std::optional<Election> primary = dev->primaryElection();
                if (!primary || *primary != session.election) {
                    sendStreamError(session, grpc::StatusCode::PERMISSION_DENIED, "only the primary may send packets", request.packet());
                    continue;
                }
                processPacketOut(*dev, session, request.packet());
            }
        }
        leave();
        return grpc::Status::OK;
    }

    int streamCount(quint64 deviceId) const
    {
        const Device *dev = device(deviceId);
        if (!dev)
            return 0;
        std::lock_guard lock(dev->streamMutex);
        return int(dev->sessions.size());
    }

private:
    static grpc::Status checkPrimary(const Device &dev, const p4::v1::Uint128 &id)
    {
        const std::optional<Election> primary = dev.primaryElection();
        const Election election = Election::of(id);
        if (!primary || *primary != election) {
            return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                "election id " + election.text() + " is not the primary controller's"
                                    + (primary ? " (primary: " + primary->text() + ")" : std::string(" (no primary)")));
        }
        return grpc::Status::OK;
    }

    static void sendStreamError(Session &session, grpc::StatusCode code, const std::string &message,
                                const p4::v1::PacketOut &packet)
    {
        p4::v1::StreamMessageResponse response;
        response.mutable_error()->set_canonical_code(code);
        response.mutable_error()->set_message(message);
        *response.mutable_error()->mutable_packet_out()->mutable_packet_out() = packet;
        session.send(response);
    }

    void processPacketOut(Device &dev, Session &session, const p4::v1::PacketOut &packet)
    {
        ++packetOuts;
        const QByteArray payload = bytes(packet.payload());
        P4PacketTrace trace;
        quint16 port = 0;
        P4Program program;
        {
            std::lock_guard lock(dev.mutex);
            if (!dev.pipeline) {
                sendStreamError(session, grpc::StatusCode::FAILED_PRECONDITION, "no forwarding pipeline config", packet);
                return;
            }
            program = dev.program;
            // The port the packet "arrives" on: the packet_out header's ingress_port, else egress_port.
            int rank = 0;
            for (const p4::v1::PacketMetadata &meta : packet.metadata()) {
                for (const P4PacketMetadataInfo &info : program.packetOutMetadata()) {
                    if (info.id != meta.metadata_id())
                        continue;
                    const int r = info.name == QLatin1String("ingress_port") ? 2 : info.name == QLatin1String("egress_port") ? 1 : 0;
                    if (r > rank) {
                        rank = r;
                        port = quint16(p4FieldValue(bytes(meta.value())));
                    }
                }
            }
            auto headers = P4PacketHeaders::fromFrame(payload, port);
            if (!headers) {
                sendStreamError(session, grpc::StatusCode::INVALID_ARGUMENT, headers.error().toStdString(), packet);
                return;
            }
            headers->lengthBytes = payload.size();
            trace = dev.pipeline->evaluate(*headers, P4EvaluationMode::Process);
            if (const P4CounterInfo *perPort = program.counter(QStringLiteral("port_packets")); perPort && !perPort->directTableId) {
                auto cells = dev.indexedCounters.find(perPort->id);
                if (cells != dev.indexedCounters.end() && port < cells->size()) {
                    (*cells)[port].packets += 1;
                    (*cells)[port].bytes += payload.size();
                }
            }
        }
        if (!trace.isValid) {
            sendStreamError(session, grpc::StatusCode::FAILED_PRECONDITION, trace.error.toStdString(), packet);
            return;
        }
        if (trace.verdict != P4Verdict::ToCpu)
            return;
        p4::v1::StreamMessageResponse response;
        p4::v1::PacketIn *in = response.mutable_packet();
        in->set_payload(packet.payload());
        for (const P4PacketMetadataInfo &info : program.packetInMetadata()) {
            if (info.name != QLatin1String("ingress_port"))
                continue;
            p4::v1::PacketMetadata *meta = in->add_metadata();
            meta->set_metadata_id(info.id);
            const QByteArray value = P4RuntimeCodec::canonical(p4FieldBytes(port, info.bitwidth));
            meta->set_value(value.constData(), size_t(value.size()));
        }
        std::lock_guard lock(dev.streamMutex);
        if (Session *primary = dev.primaryLocked()) {
            if (primary->send(response))
                ++packetIns;
        }
    }

    std::map<quint64, std::unique_ptr<Device>> m_devices;
};

P4RuntimeTestServer::P4RuntimeTestServer() : P4RuntimeTestServer(Options()) {}

P4RuntimeTestServer::P4RuntimeTestServer(Options options) : m_options(std::move(options)) {}

P4RuntimeTestServer::~P4RuntimeTestServer()
{
    stop();
}

Result<int> P4RuntimeTestServer::start(int port)
{
    if (m_server)
        return makeError(QStringLiteral("the P4Runtime test server already listens on %1").arg(address()));
    m_service = std::make_unique<Service>(m_options);
    grpc::ServerBuilder builder;
    int selected = 0;
    builder.AddListeningPort("127.0.0.1:" + std::to_string(port), grpc::InsecureServerCredentials(), &selected);
    builder.RegisterService(m_service.get());
    builder.SetMaxReceiveMessageSize(-1);
    builder.SetMaxSendMessageSize(-1);
    m_server = builder.BuildAndStart();
    if (!m_server || selected == 0) {
        m_server.reset();
        m_service.reset();
        return makeError(QStringLiteral("the P4Runtime test server cannot listen on 127.0.0.1:%1").arg(port));
    }
    m_port = selected;
    return selected;
}

void P4RuntimeTestServer::stop()
{
    if (!m_server)
        return;
    m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
    m_server->Wait();
    m_server.reset();
    m_service.reset();
}

bool P4RuntimeTestServer::isRunning() const
{
    return m_server != nullptr;
}

QString P4RuntimeTestServer::address() const
{
    return QStringLiteral("127.0.0.1:") + QString::number(m_port);
}

qsizetype P4RuntimeTestServer::entryCount(quint64 deviceId) const
{
    const Device *dev = m_service ? m_service->device(deviceId) : nullptr;
    if (!dev)
        return 0;
    std::lock_guard lock(dev->mutex);
    return dev->pipeline ? dev->pipeline->entryCount() : 0;
}

quint64 P4RuntimeTestServer::writeCalls() const
{
    return m_service ? m_service->writeCalls.load() : 0;
}

quint64 P4RuntimeTestServer::packetOutCount() const
{
    return m_service ? m_service->packetOuts.load() : 0;
}

quint64 P4RuntimeTestServer::packetInCount() const
{
    return m_service ? m_service->packetIns.load() : 0;
}

int P4RuntimeTestServer::streamCount(quint64 deviceId) const
{
    return m_service ? m_service->streamCount(deviceId) : 0;
}

} // namespace Continuo::P4Runtime::Testing
