package io.reasoner.kafka.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake OTLP/HTTP collector on 127.0.0.1 for tests: it answers every POST with 200 and decodes the protobuf
 * {@code ExportTraceServiceRequest}s sent to {@code /v1/traces} (opentelemetry-proto's trace.proto, read by field
 * number with a small wire-format reader, so the test needs no generated classes). Used by the integration tests too
 * (this module's test jar).
 */
public final class OtlpCollector implements AutoCloseable {

    /** SpanKind as trace.proto numbers it. */
    public static final int SERVER = 2;
    public static final int PRODUCER = 4;
    public static final int CONSUMER = 5;

    /** One POST as it arrived. */
    public record Post(String path, String contentType, int bytes) {
    }

    /** One span as exported, ids in lower-case hex ({@code parentSpanId} empty for a root), with its service. */
    public record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            int kind, Map<String, Object> attributes) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    public OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, as {@code reasoner.tracing.otlp-endpoint} takes it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        posts.add(new Post(path, exchange.getRequestHeaders().getFirst("Content-Type"), body.length));
        int status = 200;
        if ("POST".equals(exchange.getRequestMethod()) && "/v1/traces".equals(path)) {
            try {
                spans.addAll(decodeRequest(body));
            } catch (RuntimeException e) {
                status = 400;
            }
        }
        // An empty ExportTraceServiceResponse is an empty protobuf message.
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static List<ExportedSpan> decodeRequest(byte[] body) {
        List<ExportedSpan> out = new ArrayList<>();
        for (Wire resourceSpans : new Wire(body).all(1)) {
            String service = null;
            List<Wire> scopeSpans = new ArrayList<>();
            for (Wire.Field field : resourceSpans.fields()) {
                if (field.number() == 1) {
                    service = (String) attributes(field.message().all(1)).get("service.name");
                } else if (field.number() == 2) {
                    scopeSpans.add(field.message());
                }
            }
            for (Wire scope : scopeSpans) {
                for (Wire span : scope.all(2)) {
                    out.add(span(service, span));
                }
            }
        }
        return out;
    }

    private static ExportedSpan span(String service, Wire span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        List<Wire> attributes = new ArrayList<>();
        for (Wire.Field field : span.fields()) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parent = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = field.string();
                case 6 -> kind = (int) field.varint();
                case 9 -> attributes.add(field.message());
                default -> {
                }
            }
        }
        return new ExportedSpan(service, traceId, spanId, parent, name, kind, attributes(attributes));
    }

    /** KeyValue {1: key, 2: AnyValue {1: string, 2: bool, 3: int64, 4: double}}; other value kinds as null. */
    private static Map<String, Object> attributes(List<Wire> keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Wire keyValue : keyValues) {
            String key = null;
            Object value = null;
            for (Wire.Field field : keyValue.fields()) {
                if (field.number() == 1) {
                    key = field.string();
                } else if (field.number() == 2) {
                    for (Wire.Field any : field.message().fields()) {
                        value = switch (any.number()) {
                            case 1 -> any.string();
                            case 2 -> any.varint() != 0;
                            case 3 -> any.varint();
                            case 4 -> Double.longBitsToDouble(any.varint());
                            default -> null;
                        };
                    }
                }
            }
            out.put(key, value);
        }
        return out;
    }

    /** Protobuf's wire format: tag varints, then a varint, 8 or 4 fixed bytes, or a length and that many bytes. */
    private record Wire(byte[] data) {

        record Field(int number, long varint, byte[] bytes) {
            String string() {
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }

            Wire message() {
                return new Wire(bytes);
            }
        }

        List<Wire> all(int number) {
            return fields().stream().filter(f -> f.number() == number).map(Field::message).toList();
        }

        List<Field> fields() {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < data.length) {
                long tag = varint(at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(at), null));
                    case 1 -> fields.add(new Field(number, fixed(at, 8), null));
                    case 5 -> fields.add(new Field(number, fixed(at, 4), null));
                    case 2 -> {
                        int length = (int) varint(at);
                        if (length < 0 || at[0] + length > data.length) {
                            throw new IllegalArgumentException("length " + length + " past the end at " + at[0]);
                        }
                        fields.add(new Field(number, 0, java.util.Arrays.copyOfRange(data, at[0], at[0] + length)));
                        at[0] += length;
                    }
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7) + " at " + at[0]);
                }
            }
            return fields;
        }

        private long varint(int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= data.length) {
                    throw new IllegalArgumentException("varint past the end");
                }
                byte b = data[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes");
        }

        private long fixed(int[] at, int size) {
            if (at[0] + size > data.length) {
                throw new IllegalArgumentException("fixed" + size * 8 + " past the end");
            }
            long value = 0;
            for (int i = 0; i < size; i++) {
                value |= (long) (data[at[0]++] & 0xff) << (8 * i);
            }
            return value;
        }
    }
}
