package dev.falcojava.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One sample event per event type of the SDK's event table: the line the native host's encoder reads
 * ({@code --syscall-events}) and the text the typed view must read back. Values depend on the code and the
 * parameter's index, so that a view reading the wrong parameter, width or sign shows it.
 */
final class SyscallEventSamples {

    /** One event type's sample. */
    record Sample(int code, String typeName, String line, String expected) {
    }

    private static final String TABLE = "/dev/falcojava/sdk/events/syscall-events.json";

    private SyscallEventSamples() {
    }

    static JsonNode table() throws IOException {
        try (InputStream in = SyscallEventSamples.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not in the SDK jar");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    static List<Sample> all() throws IOException {
        JsonNode table = table();
        List<Sample> samples = new ArrayList<>();
        for (JsonNode event : table.get("events")) {
            int code = event.get("code").asInt();
            String typeName = event.get("name").asText() + "_" + (event.get("direction").asText().equals("enter") ? "e" : "x");
            StringBuilder line = new StringBuilder().append(code);
            if (event.path("largePayload").asBoolean()) {
                line.append(" large");
            }
            StringBuilder expected = new StringBuilder(typeName);
            int index = 0;
            for (JsonNode param : event.get("params")) {
                String[] value = value(table, param, code, index++);
                line.append(' ').append(param.get("type").asText()).append('=').append(value[0]);
                expected.append(' ').append(param.get("name").asText()).append('=').append(value[1]);
            }
            samples.add(new Sample(code, typeName, line.toString(), expected.toString()));
        }
        return samples;
    }

    /** The encoder's text and the view's text of parameter {@code index} of event {@code code}. */
    private static String[] value(JsonNode table, JsonNode param, int code, int index) {
        String type = param.get("type").asText();
        return switch (type) {
            case "INT8" -> same(-100 + index);
            case "INT16" -> same(-30000 + index);
            case "INT32" -> same(-2_000_000_000 + index);
            case "INT64", "FD", "PID" -> same(-5_000_000_000L * (code % 2 == 0 ? 1 : -1) - index);
            case "UINT8", "SIGTYPE", "FLAGS8", "ENUMFLAGS8" -> same(200 + index);
            case "UINT16", "SYSCALLID", "FLAGS16", "ENUMFLAGS16" -> same(60000 + index);
            case "UINT32", "UID", "GID" -> same(4_000_000_000L + index);
            case "FLAGS32", "ENUMFLAGS32", "MODE", "SIGSET" -> pair(Long.toString(0x80000000L + index),
                    Integer.toString((int) (0x80000000L + index)));
            case "UINT64", "RELTIME", "ABSTIME" -> pair("0xfffffffffffffff" + Integer.toHexString(index % 16),
                    Long.toUnsignedString(0xfffffffffffffff0L + index % 16));
            case "ERRNO" -> same(code % 2 == 0 ? -2 - index : 3 + index);
            case "CHARBUF" -> pair("text%20" + code + "-" + index, "text " + code + "-" + index);
            case "FSPATH", "FSRELPATH" -> pair("/tmp/dir%20" + code + "/f" + index, "/tmp/dir " + code + "/f" + index);
            case "BYTEBUF" -> {
                String hex = HexFormat.of().formatHex(new byte[] {(byte) code, (byte) index, (byte) 0xff, 0});
                yield same(hex);
            }
            case "SOCKADDR" -> switch (code % 3) {
                case 0 -> same("inet:10.1." + index + ".7:8080");
                case 1 -> pair("inet6:20010db8000000000000000000000" + String.format("%03x", code) + ":443",
                        "inet6:[20010db8000000000000000000000" + String.format("%03x", code) + "]:443");
                default -> same("unix:/run/sock-" + code);
            };
            case "SOCKTUPLE" -> switch (code % 3) {
                case 0 -> same("inet:10.0.0." + (code % 250) + ":40000>192.168.1.2:443");
                case 1 -> pair("inet6:fe800000000000000000000000000001:5000>20010db8000000000000000000000"
                        + String.format("%03x", code) + ":80", "inet6:[fe800000000000000000000000000001]:5000>"
                        + "[20010db8000000000000000000000" + String.format("%03x", code) + "]:80");
                default -> pair("unix:ffff8880" + Integer.toHexString(code) + ">ffff8881" + Integer.toHexString(code)
                        + ":/run/tuple-" + code, "unix:ffff8880" + Integer.toHexString(code) + ">ffff8881"
                        + Integer.toHexString(code) + ":/run/tuple-" + code);
            };
            case "FDLIST" -> pair("3:1,-1:65535,42:" + code, "[3:1,-1:65535,42:" + code + "]");
            case "DYN" -> dynamic(table.get("dynamicParams").get(param.get("dynamic").asText()), code);
            default -> throw new IllegalArgumentException("no sample for parameter type " + type);
        };
    }

    /** The first numeric variant of a dynamic parameter's table, holding the code. */
    private static String[] dynamic(JsonNode variants, int code) {
        for (int i = 0; i < variants.size(); i++) {
            int width = switch (variants.get(i).get("type").asText()) {
                case "UINT64", "INT64", "ERRNO", "FD", "PID", "RELTIME", "ABSTIME" -> 8;
                case "UINT32", "INT32", "UID", "GID", "FLAGS32", "MODE" -> 4;
                default -> 0;
            };
            if (width > 0) {
                StringBuilder hex = new StringBuilder();
                for (int b = 0; b < width; b++) {
                    hex.append(String.format("%02x", b == 0 ? code & 0xff : b == 1 ? code >> 8 : 0));
                }
                return pair(i + ":" + hex, i + ":" + code);
            }
        }
        throw new IllegalArgumentException("no numeric variant in " + variants);
    }

    private static String[] same(Object value) {
        return pair(value.toString(), value.toString());
    }

    private static String[] pair(String encoded, String read) {
        return new String[] {encoded, read};
    }
}
