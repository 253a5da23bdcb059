// Wire compatibility of Continuo's P4Runtime protos with the P4Runtime 1.3 specification.
//
// Every expected byte string below is encoded by hand from the field numbers and wire types of
// the specification (p4lang/p4runtime proto/p4/v1/p4runtime.proto, proto/p4/config/v1/p4info.proto,
// google/rpc/status.proto): tag = field_number << 3 | wire_type, varints little-endian base 128.
// Messages built with our generated classes must serialise to exactly those bytes, and those bytes
// must parse back into the same fields. The last tests call a gRPC server made from our generated
// service through the spec's method paths ("/p4.v1.P4Runtime/Write") with hand-encoded request
// bytes, which is what BMv2 simple_switch_grpc or Stratum receive from any spec-conforming client.

#include "p4/config/v1/p4info.pb.h"
#include "p4/v1/p4runtime.grpc.pb.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <google/protobuf/descriptor.h>

#include <QtTest>

#include <future>

namespace {

constexpr int Varint = 0;
constexpr int LengthDelimited = 2;

QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7f;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out.append(char(byte));
    } while (value);
    return out;
}

QByteArray tag(int field, int wireType)
{
    return varint(quint64(field) << 3 | quint64(wireType));
}

/// A varint field (uint32/uint64/int32 >= 0/enum/bool).
QByteArray vf(int field, quint64 value)
{
    return tag(field, Varint) + varint(value);
}

/// A length-delimited field (bytes, string, embedded message).
QByteArray lf(int field, const QByteArray &payload)
{
    return tag(field, LengthDelimited) + varint(quint64(payload.size())) + payload;
}

QByteArray bytesOf(const google::protobuf::MessageLite &message)
{
    std::string out;
    // Deterministic so that the comparison does not depend on map ordering (none here anyway).
    google::protobuf::io::StringOutputStream stream(&out);
    {
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        message.SerializeToCodedStream(&coded);
    }
    return QByteArray::fromStdString(out);
}

template<typename M>
M parsed(const QByteArray &bytes)
{
    M message;
    if (!message.ParseFromArray(bytes.constData(), int(bytes.size())))
        qWarning("hand-encoded bytes do not parse");
    return message;
}

QByteArray b(const char *data, int size)
{
    return QByteArray(data, size);
}

} // namespace

class tst_P4RuntimeWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagEncoding();
    void uint128();
    void fieldMatchKinds_data();
    void fieldMatchKinds();
    void writeRequest();
    void updateTypesAndAtomicity();
    void readRequestAndCounters();
    void streamMessages();
    void writeErrorDetails();
    void pipelineConfig();
    void p4InfoSchema();
    void servicePaths();
    void serverAcceptsSpecBytes();
};

void tst_P4RuntimeWire::tagEncoding()
{
    // Spot checks of the helper itself against the protobuf encoding guide.
    QCOMPARE(tag(1, Varint), b("\x08", 1));
    QCOMPARE(tag(2, LengthDelimited), b("\x12", 1));
    QCOMPARE(tag(100, LengthDelimited), b("\xa2\x06", 2)); // FieldMatch.other
    QCOMPARE(varint(300), b("\xac\x02", 2));
    QCOMPARE(varint(0x02000001), b("\x81\x80\x80\x10", 4));
}

void tst_P4RuntimeWire::uint128()
{
    p4::v1::Uint128 id;
    id.set_high(1);
    id.set_low(2);
    const QByteArray expected = vf(1, 1) + vf(2, 2); // high = 1, low = 2
    QCOMPARE(bytesOf(id).toHex(), expected.toHex());
    const auto back = parsed<p4::v1::Uint128>(expected);
    QCOMPARE(back.high(), quint64(1));
    QCOMPARE(back.low(), quint64(2));
}

void tst_P4RuntimeWire::fieldMatchKinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray value = b("\x0a\x00\x00\x01", 4);
    const QByteArray mask = b("\xff\xff\xff\x00", 4);
    // FieldMatch: field_id = 1; exact = 2 {value = 1}; ternary = 3 {value = 1, mask = 2};
    // lpm = 4 {value = 1, prefix_len = 2}; range = 6 {low = 1, high = 2}; optional = 7 {value = 1}.
    QTest::newRow("exact") << 2 << vf(1, 5) + lf(2, lf(1, value));
    QTest::newRow("ternary") << 3 << vf(1, 5) + lf(3, lf(1, value) + lf(2, mask));
    QTest::newRow("lpm") << 4 << vf(1, 5) + lf(4, lf(1, value) + vf(2, 24));
    QTest::newRow("range") << 6 << vf(1, 5) + lf(6, lf(1, b("\x03\xe8", 2)) + lf(2, b("\x07\xd0", 2)));
    QTest::newRow("optional") << 7 << vf(1, 5) + lf(7, lf(1, value));
}

void tst_P4RuntimeWire::fieldMatchKinds()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, expected);
    const std::string value("\x0a\x00\x00\x01", 4);
    p4::v1::FieldMatch match;
    match.set_field_id(5);
    switch (kind) {
    case 2: match.mutable_exact()->set_value(value); break;
    case 3:
        match.mutable_ternary()->set_value(value);
        match.mutable_ternary()->set_mask(std::string("\xff\xff\xff\x00", 4));
        break;
    case 4:
        match.mutable_lpm()->set_value(value);
        match.mutable_lpm()->set_prefix_len(24);
        break;
    case 6:
        match.mutable_range()->set_low(std::string("\x03\xe8", 2));
        match.mutable_range()->set_high(std::string("\x07\xd0", 2));
        break;
    case 7: match.mutable_optional()->set_value(value); break;
    }
    QCOMPARE(bytesOf(match).toHex(), expected.toHex());
    const auto back = parsed<p4::v1::FieldMatch>(expected);
    QCOMPARE(int(back.field_match_type_case()), kind); // oneof case numbers are the field numbers
    QCOMPARE(back.field_id(), 5u);
}

void tst_P4RuntimeWire::writeRequest()
{
    // The entry of the reference pipeline's table0: ingress port 1 ternary, priority 10,
    // set_egress_port(port = 2).
    p4::v1::WriteRequest request;
    request.set_device_id(1);
    request.mutable_election_id()->set_high(0);
    request.mutable_election_id()->set_low(10);
    request.set_atomicity(p4::v1::WriteRequest::ROLLBACK_ON_ERROR);
    request.set_role("sdn");
    p4::v1::Update *update = request.add_updates();
    update->set_type(p4::v1::Update::INSERT);
    p4::v1::TableEntry *entry = update->mutable_entity()->mutable_table_entry();
    entry->set_table_id(0x02000001);
    p4::v1::FieldMatch *match = entry->add_match();
    match->set_field_id(1);
    match->mutable_ternary()->set_value(std::string("\x01", 1));
    match->mutable_ternary()->set_mask(std::string("\x01\xff", 2));
    p4::v1::Action *action = entry->mutable_action()->mutable_action();
    action->set_action_id(0x01000001);
    p4::v1::Action::Param *param = action->add_params();
    param->set_param_id(1);
    param->set_value(std::string("\x02", 1));
    entry->set_priority(10);

    // Action: action_id = 1, params = 4 {param_id = 2, value = 3}.
    const QByteArray actionBytes = vf(1, 0x01000001) + lf(4, vf(2, 1) + lf(3, b("\x02", 1)));
    // TableEntry: table_id = 1, match = 2, action = 3 (TableAction.action = 1), priority = 4.
    const QByteArray entryBytes = vf(1, 0x02000001)
                                  + lf(2, vf(1, 1) + lf(3, lf(1, b("\x01", 1)) + lf(2, b("\x01\xff", 2))))
                                  + lf(3, lf(1, actionBytes)) + vf(4, 10);
    // Update: type = 1 (INSERT = 1), entity = 2; Entity.table_entry = 2.
    const QByteArray updateBytes = vf(1, 1) + lf(2, lf(2, entryBytes));
    // WriteRequest: device_id = 1, election_id = 3, updates = 4, atomicity = 5
    // (ROLLBACK_ON_ERROR = 1), role = 6.
    const QByteArray expected = vf(1, 1) + lf(3, vf(2, 10)) + lf(4, updateBytes) + vf(5, 1)
                                + lf(6, "sdn");
    QCOMPARE(bytesOf(request).toHex(), expected.toHex());

    const auto back = parsed<p4::v1::WriteRequest>(expected);
    QCOMPARE(back.device_id(), quint64(1));
    QCOMPARE(back.election_id().low(), quint64(10));
    QCOMPARE(back.atomicity(), p4::v1::WriteRequest::ROLLBACK_ON_ERROR);
    QCOMPARE(back.role(), std::string("sdn"));
    QCOMPARE(back.updates_size(), 1);
    const p4::v1::TableEntry &te = back.updates(0).entity().table_entry();
    QCOMPARE(te.table_id(), 0x02000001u);
    QCOMPARE(te.priority(), 10);
    QCOMPARE(te.match(0).ternary().mask(), std::string("\x01\xff", 2));
    QCOMPARE(te.action().action().params(0).param_id(), 1u);

    // is_default_action = 8, idle_timeout_ns = 9, metadata = 11.
    p4::v1::TableEntry defaults;
    defaults.set_table_id(0x02000003);
    defaults.set_is_default_action(true);
    defaults.set_idle_timeout_ns(5);
    defaults.set_metadata("m");
    QCOMPARE(bytesOf(defaults).toHex(),
             QByteArray(vf(1, 0x02000003) + vf(8, 1) + vf(9, 5) + lf(11, "m")).toHex());
}

void tst_P4RuntimeWire::updateTypesAndAtomicity()
{
    // Update.Type: UNSPECIFIED 0, INSERT 1, MODIFY 2, DELETE 3.
    QCOMPARE(int(p4::v1::Update::UNSPECIFIED), 0);
    QCOMPARE(int(p4::v1::Update::INSERT), 1);
    QCOMPARE(int(p4::v1::Update::MODIFY), 2);
    QCOMPARE(int(p4::v1::Update::DELETE), 3);
    // WriteRequest.Atomicity: CONTINUE_ON_ERROR 0, ROLLBACK_ON_ERROR 1, DATAPLANE_ATOMIC 2.
    QCOMPARE(int(p4::v1::WriteRequest::CONTINUE_ON_ERROR), 0);
    QCOMPARE(int(p4::v1::WriteRequest::ROLLBACK_ON_ERROR), 1);
    QCOMPARE(int(p4::v1::WriteRequest::DATAPLANE_ATOMIC), 2);
    // SetForwardingPipelineConfigRequest.Action: UNSPECIFIED 0 .. RECONCILE_AND_COMMIT 5.
    QCOMPARE(int(p4::v1::SetForwardingPipelineConfigRequest::VERIFY), 1);
    QCOMPARE(int(p4::v1::SetForwardingPipelineConfigRequest::VERIFY_AND_SAVE), 2);
    QCOMPARE(int(p4::v1::SetForwardingPipelineConfigRequest::VERIFY_AND_COMMIT), 3);
    QCOMPARE(int(p4::v1::SetForwardingPipelineConfigRequest::COMMIT), 4);
    QCOMPARE(int(p4::v1::SetForwardingPipelineConfigRequest::RECONCILE_AND_COMMIT), 5);
    // GetForwardingPipelineConfigRequest.ResponseType: ALL 0 .. DEVICE_CONFIG_AND_COOKIE 3.
    QCOMPARE(int(p4::v1::GetForwardingPipelineConfigRequest::ALL), 0);
    QCOMPARE(int(p4::v1::GetForwardingPipelineConfigRequest::COOKIE_ONLY), 1);
    QCOMPARE(int(p4::v1::GetForwardingPipelineConfigRequest::P4INFO_AND_COOKIE), 2);
    QCOMPARE(int(p4::v1::GetForwardingPipelineConfigRequest::DEVICE_CONFIG_AND_COOKIE), 3);

    p4::v1::Update update;
    update.set_type(p4::v1::Update::DELETE);
    update.mutable_entity()->mutable_table_entry()->set_table_id(7);
    QCOMPARE(bytesOf(update).toHex(), QByteArray(vf(1, 3) + lf(2, lf(2, vf(1, 7)))).toHex());
}

void tst_P4RuntimeWire::readRequestAndCounters()
{
    // ReadRequest: device_id = 1, entities = 2, role = 3.
    p4::v1::ReadRequest request;
    request.set_device_id(1);
    request.add_entities()->mutable_table_entry()->set_table_id(0x02000001);
    request.mutable_entities(0)->mutable_table_entry()->mutable_counter_data();
    p4::v1::CounterEntry *counter = request.add_entities()->mutable_counter_entry();
    counter->set_counter_id(0x12000001);
    counter->mutable_index()->set_index(3);
    request.add_entities()->mutable_direct_counter_entry()->mutable_table_entry()->set_table_id(0x02000001);
    request.set_role("sdn");
    // Entity: table_entry = 2, counter_entry = 7, direct_counter_entry = 8.
    // TableEntry.counter_data = 7 (empty: "return the counters"). CounterEntry: counter_id = 1,
    // index = 2 {index = 1}. DirectCounterEntry: table_entry = 1.
    const QByteArray expected = vf(1, 1) + lf(2, lf(2, vf(1, 0x02000001) + lf(7, {})))
                                + lf(2, lf(7, vf(1, 0x12000001) + lf(2, vf(1, 3))))
                                + lf(2, lf(8, lf(1, vf(1, 0x02000001)))) + lf(3, "sdn");
    QCOMPARE(bytesOf(request).toHex(), expected.toHex());

    // ReadResponse.entities = 1; CounterData: byte_count = 1, packet_count = 2.
    p4::v1::ReadResponse response;
    p4::v1::DirectCounterEntry *direct = response.add_entities()->mutable_direct_counter_entry();
    direct->mutable_table_entry()->set_table_id(0x02000001);
    direct->mutable_data()->set_byte_count(1500);
    direct->mutable_data()->set_packet_count(3);
    const QByteArray responseBytes = lf(1, lf(8, lf(1, vf(1, 0x02000001)) + lf(2, vf(1, 1500) + vf(2, 3))));
    QCOMPARE(bytesOf(response).toHex(), responseBytes.toHex());
    const auto back = parsed<p4::v1::ReadResponse>(responseBytes);
    QCOMPARE(back.entities(0).entity_case(), p4::v1::Entity::kDirectCounterEntry);
    QCOMPARE(back.entities(0).direct_counter_entry().data().packet_count(), 3);

    // Entity oneof numbers of the other entities we speak: meter_entry 5, direct_meter_entry 6,
    // register_entry 11 (RegisterEntry: register_id 1, index 2, data 3 {P4Data.bitstring = 1}).
    QCOMPARE(int(p4::v1::Entity::kMeterEntry), 5);
    QCOMPARE(int(p4::v1::Entity::kDirectMeterEntry), 6);
    QCOMPARE(int(p4::v1::Entity::kRegisterEntry), 11);
    p4::v1::RegisterEntry reg;
    reg.set_register_id(0x16000001);
    reg.mutable_index()->set_index(0);
    reg.mutable_data()->set_bitstring(std::string("\x2a", 1));
    QCOMPARE(bytesOf(reg).toHex(), QByteArray(vf(1, 0x16000001) + lf(2, {}) + lf(3, lf(1, "\x2a"))).toHex());
}

void tst_P4RuntimeWire::streamMessages()
{
    // StreamMessageRequest: arbitration = 1, packet = 2, other = 4.
    // MasterArbitrationUpdate: device_id = 1, role = 2 {name = 3}, election_id = 3, status = 4.
    p4::v1::StreamMessageRequest arbitration;
    p4::v1::MasterArbitrationUpdate *update = arbitration.mutable_arbitration();
    update->set_device_id(1);
    update->mutable_role()->set_name("sdn");
    update->mutable_election_id()->set_high(0);
    update->mutable_election_id()->set_low(42);
    QCOMPARE(bytesOf(arbitration).toHex(),
             lf(1, vf(1, 1) + lf(2, lf(3, "sdn")) + lf(3, vf(2, 42))).toHex());

    // PacketOut: payload = 1, metadata = 2 {metadata_id = 1, value = 2}.
    p4::v1::StreamMessageRequest packetOut;
    packetOut.mutable_packet()->set_payload("abc");
    p4::v1::PacketMetadata *meta = packetOut.mutable_packet()->add_metadata();
    meta->set_metadata_id(1);
    meta->set_value(std::string("\x03", 1));
    QCOMPARE(bytesOf(packetOut).toHex(), lf(2, lf(1, "abc") + lf(2, vf(1, 1) + lf(2, "\x03"))).toHex());

    // StreamMessageResponse: arbitration = 1, packet = 2 (PacketIn), other = 5, error = 6.
    // google.rpc.Status: code = 1, message = 2. ALREADY_EXISTS = 6 (a backup's answer).
    p4::v1::StreamMessageResponse response;
    response.mutable_arbitration()->set_device_id(1);
    response.mutable_arbitration()->mutable_election_id()->set_low(99);
    response.mutable_arbitration()->mutable_status()->set_code(6);
    response.mutable_arbitration()->mutable_status()->set_message("backup");
    const QByteArray responseBytes = lf(1, vf(1, 1) + lf(3, vf(2, 99)) + lf(4, vf(1, 6) + lf(2, "backup")));
    QCOMPARE(bytesOf(response).toHex(), responseBytes.toHex());
    const auto back = parsed<p4::v1::StreamMessageResponse>(responseBytes);
    QCOMPARE(back.update_case(), p4::v1::StreamMessageResponse::kArbitration);
    QCOMPARE(back.arbitration().status().code(), 6);

    const QByteArray packetIn = lf(2, lf(1, "xyz") + lf(2, vf(1, 1) + lf(2, "\x01")));
    const auto in = parsed<p4::v1::StreamMessageResponse>(packetIn);
    QCOMPARE(in.update_case(), p4::v1::StreamMessageResponse::kPacket);
    QCOMPARE(in.packet().payload(), std::string("xyz"));
    QCOMPARE(in.packet().metadata(0).value(), std::string("\x01", 1));

    // StreamError: canonical_code = 1, message = 2, space = 3, code = 4, packet_out = 5.
    const QByteArray errorBytes = lf(6, vf(1, 3) + lf(2, "bad") + lf(5, lf(1, lf(1, "p"))));
    const auto error = parsed<p4::v1::StreamMessageResponse>(errorBytes);
    QCOMPARE(error.update_case(), p4::v1::StreamMessageResponse::kError);
    QCOMPARE(error.error().canonical_code(), 3);
    QCOMPARE(error.error().details_case(), p4::v1::StreamError::kPacketOut);
    QCOMPARE(error.error().packet_out().packet_out().payload(), std::string("p"));
}

void tst_P4RuntimeWire::writeErrorDetails()
{
    // A failed Write's google.rpc.Status (grpc-status-details-bin): details = 3, each an Any
    // {type_url = 1, value = 2} holding a p4.v1.Error {canonical_code = 1, message = 2,
    // space = 3, code = 4}.
    const QByteArray errorBytes = vf(1, 6) + lf(2, "entry exists") + lf(3, "continuo") + vf(4, 1);
    p4::v1::Error error;
    error.set_canonical_code(6);
    error.set_message("entry exists");
    error.set_space("continuo");
    error.set_code(1);
    QCOMPARE(bytesOf(error).toHex(), errorBytes.toHex());

    const QByteArray statusBytes = vf(1, 2) + lf(2, "write failed")
                                   + lf(3, lf(1, "type.googleapis.com/p4.v1.Error") + lf(2, errorBytes));
    const auto status = parsed<google::rpc::Status>(statusBytes);
    QCOMPARE(status.code(), 2);
    QCOMPARE(status.details_size(), 1);
    QVERIFY(status.details(0).Is<p4::v1::Error>());
    p4::v1::Error unpacked;
    QVERIFY(status.details(0).UnpackTo(&unpacked));
    QCOMPARE(unpacked.canonical_code(), 6);
    QCOMPARE(unpacked.message(), std::string("entry exists"));
}

void tst_P4RuntimeWire::pipelineConfig()
{
    // SetForwardingPipelineConfigRequest: device_id = 1, election_id = 3, action = 4,
    // config = 5, role = 6. ForwardingPipelineConfig: p4info = 1, p4_device_config = 2,
    // cookie = 3 {cookie = 1}. P4Info.pkg_info = 1 {name = 1, arch = 5}.
    p4::v1::SetForwardingPipelineConfigRequest request;
    request.set_device_id(1);
    request.mutable_election_id()->set_low(1);
    request.set_action(p4::v1::SetForwardingPipelineConfigRequest::VERIFY_AND_COMMIT);
    p4::v1::ForwardingPipelineConfig *config = request.mutable_config();
    config->mutable_p4info()->mutable_pkg_info()->set_name("braine_int");
    config->mutable_p4info()->mutable_pkg_info()->set_arch("v1model");
    config->set_p4_device_config("{}");
    config->mutable_cookie()->set_cookie(7);
    const QByteArray expected = vf(1, 1) + lf(3, vf(2, 1)) + vf(4, 3)
                                + lf(5, lf(1, lf(1, lf(1, "braine_int") + lf(5, "v1model")))
                                            + lf(2, "{}") + lf(3, vf(1, 7)));
    QCOMPARE(bytesOf(request).toHex(), expected.toHex());

    // GetForwardingPipelineConfigRequest: device_id = 1, response_type = 2;
    // GetForwardingPipelineConfigResponse.config = 1. CapabilitiesResponse.p4runtime_api_version = 1.
    p4::v1::GetForwardingPipelineConfigRequest get;
    get.set_device_id(3);
    get.set_response_type(p4::v1::GetForwardingPipelineConfigRequest::P4INFO_AND_COOKIE);
    QCOMPARE(bytesOf(get).toHex(), QByteArray(vf(1, 3) + vf(2, 2)).toHex());
    p4::v1::CapabilitiesResponse caps;
    caps.set_p4runtime_api_version("1.3.0");
    QCOMPARE(bytesOf(caps).toHex(), lf(1, "1.3.0").toHex());
}

void tst_P4RuntimeWire::p4InfoSchema()
{
    // P4Info: tables = 2, actions = 3, counters = 5, direct_counters = 6,
    // controller_packet_metadata = 9, registers = 11. Preamble: id = 1, name = 2, alias = 3,
    // doc = 5 {brief = 1}. MatchField: id = 1, name = 2, bitwidth = 4, match_type = 5
    // (EXACT 2, LPM 3, TERNARY 4, RANGE 5, OPTIONAL 6). Table: action_refs = 3 {id = 1,
    // scope = 3 (DEFAULT_ONLY = 2)}, const_default_action_id = 4, direct_resource_ids = 7,
    // size = 8, is_const_table = 10.
    p4::config::v1::P4Info info;
    p4::config::v1::Table *table = info.add_tables();
    table->mutable_preamble()->set_id(0x02000001);
    table->mutable_preamble()->set_name("MyIngress.table0");
    table->mutable_preamble()->set_alias("table0");
    table->mutable_preamble()->mutable_doc()->set_brief("acl");
    p4::config::v1::MatchField *field = table->add_match_fields();
    field->set_id(1);
    field->set_name("standard_metadata.ingress_port");
    field->set_bitwidth(9);
    field->set_match_type(p4::config::v1::MatchField::TERNARY);
    p4::config::v1::ActionRef *ref = table->add_action_refs();
    ref->set_id(0x01000003);
    ref->set_scope(p4::config::v1::ActionRef::DEFAULT_ONLY);
    table->set_const_default_action_id(0x01000003);
    table->add_direct_resource_ids(0x13000001);
    table->set_size(65536);
    table->set_is_const_table(true);
    const QByteArray tableBytes = lf(1, vf(1, 0x02000001) + lf(2, "MyIngress.table0") + lf(3, "table0")
                                            + lf(5, lf(1, "acl")))
                                  + lf(2, vf(1, 1) + lf(2, "standard_metadata.ingress_port") + vf(4, 9) + vf(5, 4))
                                  + lf(3, vf(1, 0x01000003) + vf(3, 2)) + vf(4, 0x01000003)
                                  + lf(7, varint(0x13000001)) // packed repeated uint32
                                  + vf(8, 65536) + vf(10, 1);

    // Action: preamble = 1, params = 2 {id = 1, name = 2, bitwidth = 4}.
    p4::config::v1::Action *action = info.add_actions();
    action->mutable_preamble()->set_id(0x01000001);
    action->mutable_preamble()->set_name("MyIngress.set_egress_port");
    p4::config::v1::Action::Param *param = action->add_params();
    param->set_id(1);
    param->set_name("port");
    param->set_bitwidth(9);
    const QByteArray actionBytes = lf(1, vf(1, 0x01000001) + lf(2, "MyIngress.set_egress_port"))
                                   + lf(2, vf(1, 1) + lf(2, "port") + vf(4, 9));

    // Counter: preamble = 1, spec = 2 {unit = 1 (PACKETS = 2)}, size = 3.
    p4::config::v1::Counter *counter = info.add_counters();
    counter->mutable_preamble()->set_id(0x12000001);
    counter->mutable_spec()->set_unit(p4::config::v1::CounterSpec::PACKETS);
    counter->set_size(512);
    // DirectCounter: preamble = 1, spec = 2 (BOTH = 3), direct_table_id = 3.
    p4::config::v1::DirectCounter *direct = info.add_direct_counters();
    direct->mutable_preamble()->set_id(0x13000001);
    direct->mutable_spec()->set_unit(p4::config::v1::CounterSpec::BOTH);
    direct->set_direct_table_id(0x02000001);
    // ControllerPacketMetadata: preamble = 1, metadata = 2 {id = 1, name = 2, bitwidth = 4}.
    p4::config::v1::ControllerPacketMetadata *packetIn = info.add_controller_packet_metadata();
    packetIn->mutable_preamble()->set_id(0x04000001);
    packetIn->mutable_preamble()->set_name("packet_in");
    p4::config::v1::ControllerPacketMetadata::Metadata *meta = packetIn->add_metadata();
    meta->set_id(1);
    meta->set_name("ingress_port");
    meta->set_bitwidth(9);
    // Register: preamble = 1, type_spec = 2 {bitstring = 1 {bit = 1 {bitwidth = 1}}}, size = 3.
    p4::config::v1::Register *reg = info.add_registers();
    reg->mutable_preamble()->set_id(0x16000001);
    reg->mutable_type_spec()->mutable_bitstring()->mutable_bit()->set_bitwidth(32);
    reg->set_size(1);

    const QByteArray expected = lf(2, tableBytes) + lf(3, actionBytes)
                                + lf(5, lf(1, vf(1, 0x12000001)) + lf(2, vf(1, 2)) + vf(3, 512))
                                + lf(6, lf(1, vf(1, 0x13000001)) + lf(2, vf(1, 3)) + vf(3, 0x02000001))
                                + lf(9, lf(1, vf(1, 0x04000001) + lf(2, "packet_in"))
                                            + lf(2, vf(1, 1) + lf(2, "ingress_port") + vf(4, 9)))
                                + lf(11, lf(1, vf(1, 0x16000001)) + lf(2, lf(1, lf(1, vf(1, 32)))) + vf(3, 1));
    QCOMPARE(bytesOf(info).toHex(), expected.toHex());

    QCOMPARE(int(p4::config::v1::MatchField::EXACT), 2);
    QCOMPARE(int(p4::config::v1::MatchField::LPM), 3);
    QCOMPARE(int(p4::config::v1::MatchField::TERNARY), 4);
    QCOMPARE(int(p4::config::v1::MatchField::RANGE), 5);
    QCOMPARE(int(p4::config::v1::MatchField::OPTIONAL), 6);
    QCOMPARE(int(p4::config::v1::ActionRef::TABLE_AND_DEFAULT), 0);
    QCOMPARE(int(p4::config::v1::ActionRef::TABLE_ONLY), 1);
    QCOMPARE(int(p4::config::v1::CounterSpec::BYTES), 1);
}

void tst_P4RuntimeWire::servicePaths()
{
    // gRPC paths are "/<package>.<service>/<method>"; these are the spec's.
    const google::protobuf::ServiceDescriptor *service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName("p4.v1.P4Runtime");
    QVERIFY(service);
    QCOMPARE(std::string(p4::v1::P4Runtime::service_full_name()), std::string("p4.v1.P4Runtime"));
    const QStringList expected{QStringLiteral("/p4.v1.P4Runtime/Write"),
                               QStringLiteral("/p4.v1.P4Runtime/Read"),
                               QStringLiteral("/p4.v1.P4Runtime/SetForwardingPipelineConfig"),
                               QStringLiteral("/p4.v1.P4Runtime/GetForwardingPipelineConfig"),
                               QStringLiteral("/p4.v1.P4Runtime/StreamChannel"),
                               QStringLiteral("/p4.v1.P4Runtime/Capabilities")};
    QStringList paths;
    for (int i = 0; i < service->method_count(); ++i)
        paths.append(QLatin1Char('/') + QString::fromStdString(service->full_name()) + QLatin1Char('/')
                     + QString::fromStdString(service->method(i)->name()));
    QCOMPARE(paths, expected);
    // Streaming shapes: Read server-streaming, StreamChannel bidirectional.
    QVERIFY(!service->FindMethodByName("Read")->client_streaming());
    QVERIFY(service->FindMethodByName("Read")->server_streaming());
    QVERIFY(service->FindMethodByName("StreamChannel")->client_streaming());
    QVERIFY(service->FindMethodByName("StreamChannel")->server_streaming());
    QVERIFY(!service->FindMethodByName("Write")->server_streaming());
}

namespace {

/// A server made from our generated service that records what it receives.
class RecordingService final : public p4::v1::P4Runtime::Service
{
public:
    grpc::Status Write(grpc::ServerContext *, const p4::v1::WriteRequest *request,
                       p4::v1::WriteResponse *) override
    {
        lastWrite = *request;
        return grpc::Status::OK;
    }
    grpc::Status Capabilities(grpc::ServerContext *, const p4::v1::CapabilitiesRequest *,
                              p4::v1::CapabilitiesResponse *response) override
    {
        response->set_p4runtime_api_version("1.3.0");
        return grpc::Status::OK;
    }
    p4::v1::WriteRequest lastWrite;
};

grpc::Status callRaw(const std::shared_ptr<grpc::Channel> &channel, const std::string &path,
                     const QByteArray &request, QByteArray *response)
{
    grpc::GenericStub stub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::Slice slice(request.constData(), size_t(request.size()));
    grpc::ByteBuffer requestBuffer(&slice, 1);
    grpc::ByteBuffer responseBuffer;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, path, grpc::StubOptions(), &requestBuffer, &responseBuffer,
                   [&done](grpc::Status status) { done.set_value(std::move(status)); });
    grpc::Status status = done.get_future().get();
    std::vector<grpc::Slice> slices;
    if (status.ok() && responseBuffer.Dump(&slices).ok()) {
        response->clear();
        for (const grpc::Slice &s : slices)
            response->append(reinterpret_cast<const char *>(s.begin()), qsizetype(s.size()));
    }
    return status;
}

} // namespace

void tst_P4RuntimeWire::serverAcceptsSpecBytes()
{
    RecordingService service;
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    QVERIFY(server);
    QVERIFY(port > 0);
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());

    // Capabilities: empty request, answer p4runtime_api_version = 1.
    QByteArray response;
    grpc::Status status = callRaw(channel, "/p4.v1.P4Runtime/Capabilities", {}, &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(response.toHex(), lf(1, "1.3.0").toHex());

    // A Write encoded by hand: device 1, election id 5, one DELETE of table 0x02000001
    // priority 3, CONTINUE_ON_ERROR (default, so absent).
    const QByteArray write = vf(1, 1) + lf(3, vf(2, 5))
                             + lf(4, vf(1, 3) + lf(2, lf(2, vf(1, 0x02000001) + vf(4, 3))));
    status = callRaw(channel, "/p4.v1.P4Runtime/Write", write, &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(service.lastWrite.device_id(), quint64(1));
    QCOMPARE(service.lastWrite.election_id().low(), quint64(5));
    QCOMPARE(service.lastWrite.updates(0).type(), p4::v1::Update::DELETE);
    QCOMPARE(service.lastWrite.updates(0).entity().table_entry().priority(), 3);
    QCOMPARE(service.lastWrite.atomicity(), p4::v1::WriteRequest::CONTINUE_ON_ERROR);

    // A path outside the spec is not served.
    status = callRaw(channel, "/p4.v1.P4Runtime/Writes", write, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);

    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
}

QTEST_GUILESS_MAIN(tst_P4RuntimeWire)
#include "tst_p4runtimewire.moc"
