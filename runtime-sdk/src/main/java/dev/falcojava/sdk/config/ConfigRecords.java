package dev.falcojava.sdk.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds init_config to a record of the plugin's own ({@code config-class} in plugin.yaml), by reflection over its
 * components with the SDK's own JSON reader: see {@link ConfigShape} for what it accepts. Every problem is reported
 * at once, each with its JSON pointer.
 */
public final class ConfigRecords {

    private ConfigRecords() {
    }

    /**
     * Reads {@code json} (empty text means {}) into a {@code type}.
     *
     * @throws InvalidConfigException naming every value that does not fit, by its JSON pointer
     * @throws IllegalArgumentException when {@code type} has a component that cannot be bound
     */
    public static <T extends Record> T bind(String json, Class<T> type) throws InvalidConfigException {
        ConfigShape.RecordShape shape = ConfigShape.of(type);
        ConfigObject config = ConfigObject.reading(json, shape.keys());
        Object bound = record(config, shape);
        config.check();
        return type.cast(bound);
    }

    private static Object record(ConfigObject config, ConfigShape.RecordShape shape) {
        int before = config.problemCount();
        List<Object> arguments = new ArrayList<>();
        for (ConfigShape.Component component : shape.components()) {
            ConfigValue value = config.value(component.key());
            arguments.add(component.optional() ? value.optional(v -> read(v, component.shape()))
                    : read(value, component.shape()));
        }
        boolean fitted = config.problemCount() == before;
        Class<?>[] types = java.util.Arrays.stream(shape.type().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = shape.type().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments.toArray());
        } catch (InvocationTargetException e) {
            // a constructor that checks its values: its message is a problem of this object, unless placeholders
            // of problems already found reached it
            if (fitted) {
                config.problem(String.valueOf(e.getCause().getMessage()));
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot construct " + shape.type().getName() + ": " + e, e);
        }
    }

    private static Object read(ConfigValue value, ConfigShape shape) {
        return switch (shape) {
            case ConfigShape.Scalar(ConfigShape.Kind kind) -> switch (kind) {
                case INT -> value.asInt(null, null, null);
                case LONG -> value.asLong(null, null, null);
                case DOUBLE -> value.asNumber(null, null, null);
                case BOOLEAN -> value.asBoolean(null);
                case STRING -> value.asString(null, null);
            };
            case ConfigShape.EnumShape e -> value.asEnum(e.names(), e.constants(), null);
            case ConfigShape.ListShape list -> value.asList(item -> read(item, list.items()), null, 0);
            case ConfigShape.RecordShape record -> value.asObject(record.keys(), object -> record(object, record), false);
        };
    }
}
