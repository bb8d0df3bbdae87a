package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldArgument;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.IpNetwork;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One field of each value type the harness reads back beyond numbers, text and flags, lists and arguments included. */
public class FieldTypesPlugin extends FixturePlugin implements ExtractPlugin {

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("types.age", FieldType.RELTIME, "1.5 s"),
            new FieldDefinition("types.at", FieldType.ABSTIME, "42 ns after 1.7e9 s"),
            new FieldDefinition("types.ip", FieldType.IPADDR, "10.1.2.3"),
            new FieldDefinition("types.net", FieldType.IPNET, "2001:db8::"),
            new FieldDefinition("types.words", FieldType.STRING, true, FieldArgument.NONE, "the payload's words"),
            new FieldDefinition("types.ips", FieldType.IPADDR, true, FieldArgument.NONE, "an IPv4 and an IPv6 loopback"),
            new FieldDefinition("types.none", FieldType.UINT64, true, FieldArgument.NONE, "an empty list"),
            new FieldDefinition("types.word", FieldType.STRING, false, FieldArgument.REQUIRED_INDEX, "a word by index"),
            new FieldDefinition("types.label", FieldType.STRING, false, FieldArgument.OPTIONAL_KEY, "the key, if any"));

    public FieldTypesPlugin() {
        super("types", "3.0.0");
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public void extract(ExtractRequest request) throws Exception {
        String[] words = request.event().payloadAsString().split(" ");
        switch (request.fieldId()) {
            case 0 -> request.setRelTime(Duration.ofMillis(1500));
            case 1 -> request.setAbsTime(Instant.ofEpochSecond(1_700_000_000L, 42));
            case 2 -> request.setIpAddr(InetAddress.getByName("10.1.2.3"));
            case 3 -> request.setIpNet(new IpNetwork(InetAddress.getByName("2001:db8::")));
            case 4 -> {
                for (String word : words) {
                    request.addString(word);
                }
            }
            case 5 -> {
                request.addIpAddr(InetAddress.getByName("127.0.0.1"));
                request.addIpAddr(InetAddress.getByName("::1"));
            }
            case 6 -> {
            }
            case 7 -> request.setString(request.argumentIndex() < words.length ? words[(int) request.argumentIndex()] : null);
            default -> request.setString(request.hasArgument() ? "key=" + request.argumentKey() : "no key");
        }
    }
}
