#pragma once

#include "P4RuntimeClient.h"

#include "network/P4Program.h"
#include "plugin/INetworkTarget.h"

#include <mutex>

namespace Continuo::P4Runtime {

/// INetworkTarget over P4Runtime: names in, ids and canonical bytes on the wire (P4RuntimeCodec).
/// The program used for encoding is the one set with setPipeline(), else the one the device
/// reports on connect (GetForwardingPipelineConfig), else `assumedProgram` (the plugin's
/// configured P4Info). Calls are serialised by a mutex; packet-ins arrive on the stream thread.
class P4RuntimeTarget final : public INetworkTarget
{
public:
    P4RuntimeTarget(QString switchId, ClientOptions options, P4Program assumedProgram = {});
    ~P4RuntimeTarget() override;

    QString switchId() const override;
    /// Connects and requires primary: a backup target fails, naming the primary's election id.
    Result<void> connectTarget() override;
    void disconnectTarget() override;
    bool isConnected() const override;
    Result<void> setPipeline(const P4Program &program, const QByteArray &deviceConfig) override;
    Result<P4Program> pipeline() override;
    /// All updates go in one Write (the switch may reorder them; §12.1). Encoding errors are
    /// reported before anything is sent.
    Result<void> write(const QList<P4Update> &updates, bool atomic) override;
    Result<QList<P4TableEntry>> readEntries(const QString &table, QList<P4CounterData> *counters = nullptr) override;
    Result<P4CounterData> readCounter(const QString &counter, qint64 index) override;
    Result<void> sendPacketOut(const P4Packet &packet) override;
    void setPacketInHandler(std::function<void(const P4Packet &)> handler) override;

    P4RuntimeClient &client() { return m_client; }
    /// The program entries are encoded with (null when none is known).
    P4Program program() const;

private:
    Result<P4Program> requireProgram() const;
    QString prefix() const;

    const QString m_switchId;
    P4RuntimeClient m_client;
    std::mutex m_callMutex;            // serialises INetworkTarget calls
    mutable std::mutex m_programMutex; // the stream thread reads the program too
    P4Program m_program;
    std::function<void(const P4Packet &)> m_packetInHandler;
};

} // namespace Continuo::P4Runtime
