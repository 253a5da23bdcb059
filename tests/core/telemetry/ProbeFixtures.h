#pragma once

// Loopback services for the active prober tests: a sample collector, an HTTP(S) server on a free
// port, a UDP DNS responder, and a self-signed certificate made with OpenSSL.

#include "telemetry/ActiveProber.h"
#include "telemetry/DnsCodec.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QNetworkDatagram>

#include <optional>

#ifdef CONTINUO_TEST_HAVE_OPENSSL
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#endif

namespace Continuo::Testing {

/// The TTL this host's replies leave with (net.ipv4.ip_default_ttl, 64 unless changed).
inline double defaultTtl()
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ip_default_ttl"));
    bool ok = false;
    const int ttl = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt(&ok) : 0;
    return ok ? double(ttl) : 64.0;
}

/// Everything a prober delivers, thread-safe.
class SampleCollector
{
public:
    ActiveProber::Sink sink()
    {
        return [this](const QList<SeriesBatch> &batches) {
            QMutexLocker locker(&m_mutex);
            m_batches += batches;
            ++m_calls;
        };
    }

    /// Samples of `metric` whose `target` label is `target`, oldest first.
    QList<double> values(const QString &metric, const QString &target) const
    {
        QMutexLocker locker(&m_mutex);
        QList<double> result;
        for (const SeriesBatch &batch : m_batches) {
            if (batch.metric == metric && batch.labels.value(QStringLiteral("target")) == target) {
                for (const Sample &sample : batch.samples)
                    result.append(sample.value);
            }
        }
        return result;
    }

    std::optional<double> last(const QString &metric, const QString &target) const
    {
        const QList<double> all = values(metric, target);
        return all.isEmpty() ? std::nullopt : std::optional<double>(all.constLast());
    }

    /// Series of `metric` that carry all of `labels`.
    QList<SeriesBatch> series(const QString &metric, const Labels &labels = {}) const
    {
        QMutexLocker locker(&m_mutex);
        QList<SeriesBatch> result;
        const SeriesMatcher matcher{metric, labels};
        for (const SeriesBatch &batch : m_batches) {
            if (matcher.matches(batch))
                result.append(batch);
        }
        return result;
    }

    int calls() const
    {
        QMutexLocker locker(&m_mutex);
        return m_calls;
    }

    qsizetype batchCount() const
    {
        QMutexLocker locker(&m_mutex);
        return m_batches.size();
    }

private:
    mutable QMutex m_mutex;
    QList<SeriesBatch> m_batches;
    int m_calls = 0;
};

/// A minimal HTTP/1.1 server (plain or TLS): /ok answers 200 "hello", /missing 404, /silent
/// never answers; anything else 500.
class TestHttpServer : public QObject
{
public:
    explicit TestHttpServer(QTcpServer *server) : m_server(server)
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    static std::unique_ptr<TestHttpServer> plain()
    {
        auto server = std::make_unique<TestHttpServer>(new QTcpServer);
        if (!server->m_server->listen(QHostAddress::LocalHost, 0))
            return nullptr;
        return server;
    }

    static std::unique_ptr<TestHttpServer> tls(const QSslCertificate &certificate, const QSslKey &key)
    {
        auto *sslServer = new QSslServer;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        sslServer->setSslConfiguration(configuration);
        auto server = std::make_unique<TestHttpServer>(sslServer);
        if (!sslServer->listen(QHostAddress::LocalHost, 0))
            return nullptr;
        return server;
    }

    quint16 port() const { return m_server->serverPort(); }
    int requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        ++m_requests;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QByteArray path = requestLine.size() >= 2 ? requestLine.at(1) : QByteArray();
        buffer.clear();
        if (path == "/silent")
            return;
        QByteArray status = "500 Internal Server Error";
        QByteArray body = "error";
        if (path == "/ok") {
            status = "200 OK";
            body = "hello";
        } else if (path == "/missing") {
            status = "404 Not Found";
            body = "not here";
        }
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

/// A UDP DNS server on 127.0.0.1: example.org has A 192.0.2.1 and AAAA 2001:db8::1;
/// missing.example is NXDOMAIN; garbage.example gets a malformed response; silent.example none.
class TestDnsResponder : public QObject
{
public:
    TestDnsResponder()
    {
        m_socket.bind(QHostAddress::LocalHost, 0);
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams())
                answer(m_socket.receiveDatagram());
        });
    }

    quint16 port() const { return m_socket.localPort(); }
    int queries() const { return m_queries; }

private:
    void answer(const QNetworkDatagram &datagram)
    {
        auto query = DnsCodec::decode(datagram.data());
        if (!query || query->questions.size() != 1)
            return;
        ++m_queries;
        const DnsQuestion question = query->questions.constFirst();
        DnsMessage response;
        response.id = query->id;
        response.isResponse = true;
        response.isRecursionDesired = query->isRecursionDesired;
        response.isRecursionAvailable = true;
        response.questions = query->questions;
        const QString name = question.name.toLower();
        if (name == QLatin1String("silent.example"))
            return;
        if (name == QLatin1String("garbage.example")) {
            // Header says one answer; what follows is a label that runs off the end.
            QByteArray wire = *DnsCodec::encode(response);
            wire[7] = 1;
            wire.append("\x3f" "abc", 4);
            m_socket.writeDatagram(wire, datagram.senderAddress(), quint16(datagram.senderPort()));
            return;
        }
        if (name == QLatin1String("example.org")) {
            DnsRecord record;
            record.name = question.name;
            record.type = question.type;
            record.ttlSeconds = 60;
            if (question.type == DnsType::A)
                record.address = QHostAddress(QStringLiteral("192.0.2.1"));
            else if (question.type == DnsType::Aaaa)
                record.address = QHostAddress(QStringLiteral("2001:db8::1"));
            if (!record.address.isNull())
                response.answers.append(record);
        } else {
            response.responseCode = DnsResponseCode::NameError;
        }
        m_socket.writeDatagram(*DnsCodec::encode(response), datagram.senderAddress(), quint16(datagram.senderPort()));
    }

    QUdpSocket m_socket;
    int m_queries = 0;
};

struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
};

/// A self-signed P-256 certificate for 127.0.0.1 (CN and IP SAN), valid for `validDays`.
inline std::optional<TestCertificate> makeCertificate(int validDays)
{
#ifdef CONTINUO_TEST_HAVE_OPENSSL
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *x509 = X509_new();
    if (!key || !x509)
        return std::nullopt;
    X509_set_version(x509, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x509), 1);
    X509_gmtime_adj(X509_getm_notBefore(x509), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x509), long(validDays) * 86400L);
    X509_set_pubkey(x509, key);
    X509_NAME *name = X509_get_subject_name(x509);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(x509, name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, x509, x509, nullptr, nullptr, 0);
    X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, "IP:127.0.0.1");
    X509_add_ext(x509, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(x509, key, EVP_sha256());
    const auto pem = [](auto write) {
        BIO *bio = BIO_new(BIO_s_mem());
        write(bio);
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        QByteArray bytes(data, int(length));
        BIO_free(bio);
        return bytes;
    };
    TestCertificate result;
    result.certificate = QSslCertificate(pem([&](BIO *bio) { PEM_write_bio_X509(bio, x509); }));
    result.key = QSslKey(pem([&](BIO *bio) { PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); }),
                         QSsl::Ec);
    X509_free(x509);
    EVP_PKEY_free(key);
    if (result.certificate.isNull() || result.key.isNull())
        return std::nullopt;
    return result;
#else
    Q_UNUSED(validDays);
    return std::nullopt;
#endif
}

} // namespace Continuo::Testing
