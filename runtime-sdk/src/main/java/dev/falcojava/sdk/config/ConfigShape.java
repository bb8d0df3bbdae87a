package dev.falcojava.sdk.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a config record of the plugin's own accepts in init_config, derived from its components: the one model that
 * both {@link ConfigRecords} binds with and the build derives the init schema from. Records become JSON objects with
 * exactly their components as keys, {@code Optional} components may be absent and all others are required, enums
 * are strings, {@code List}s arrays. Jackson's {@code @JsonProperty} (the JSON name of a component or enum constant)
 * and {@code @JsonPropertyDescription} are honoured by name, without Jackson.
 */
public sealed interface ConfigShape {

    /** The kinds of single values. */
    enum Kind { INT, LONG, DOUBLE, BOOLEAN, STRING }

    record Scalar(Kind kind) implements ConfigShape {
    }

    /** An enum, written in JSON as the string of the same index in {@code names}. */
    record EnumShape(Class<?> type, List<String> names, List<Object> constants) implements ConfigShape {
    }

    record ListShape(ConfigShape items) implements ConfigShape {
    }

    record RecordShape(Class<?> type, List<Component> components) implements ConfigShape {

        /** The JSON keys, in the order of the components. */
        public List<String> keys() {
            return components.stream().map(Component::key).toList();
        }
    }

    /**
     * A record component.
     *
     * @param key         its JSON key
     * @param shape       its value (the content of an {@code Optional})
     * @param optional    whether it is an {@code Optional}, which may be absent
     * @param description its {@code @JsonPropertyDescription}, or empty
     */
    record Component(String key, ConfigShape shape, boolean optional, String description) {
    }

    /**
     * The shape of the record {@code type}.
     *
     * @throws IllegalArgumentException naming the component whose type cannot be bound, and the types that can
     */
    static RecordShape of(Class<?> type) {
        return record(type, type.getName(), new HashSet<>());
    }

    private static RecordShape record(Class<?> type, String where, Set<Class<?>> enclosing) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " is not a record");
        }
        if (!enclosing.add(type)) {
            throw new IllegalArgumentException(where + ": record " + type.getName() + " contains itself");
        }
        List<Component> components = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String at = where + "." + component.getName();
            String key = annotationValue(component.getAccessor(), "com.fasterxml.jackson.annotation.JsonProperty")
                    .orElse(component.getName());
            if (!keys.add(key)) {
                throw new IllegalArgumentException(at + ": the JSON key '" + key + "' is taken by another component");
            }
            Type generic = component.getGenericType();
            boolean optional = component.getType() == Optional.class;
            ConfigShape shape = shape(optional ? argument(generic, at) : generic, at, enclosing);
            components.add(new Component(key, shape, optional,
                    annotationValue(component.getAccessor(), "com.fasterxml.jackson.annotation.JsonPropertyDescription").orElse("")));
        }
        enclosing.remove(type);
        return new RecordShape(type, List.copyOf(components));
    }

    private static ConfigShape shape(Type type, String where, Set<Class<?>> enclosing) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return new ListShape(shape(argument(type, where), where + "[]", enclosing));
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(where, type);
        }
        if (c == int.class || c == Integer.class) {
            return new Scalar(Kind.INT);
        }
        if (c == long.class || c == Long.class) {
            return new Scalar(Kind.LONG);
        }
        if (c == double.class || c == Double.class) {
            return new Scalar(Kind.DOUBLE);
        }
        if (c == boolean.class || c == Boolean.class) {
            return new Scalar(Kind.BOOLEAN);
        }
        if (c == String.class) {
            return new Scalar(Kind.STRING);
        }
        if (c.isEnum()) {
            List<String> names = new ArrayList<>();
            List<Object> constants = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    name = annotationValue(c.getField(name), "com.fasterxml.jackson.annotation.JsonProperty").orElse(name);
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                names.add(name);
                constants.add(constant);
            }
            return new EnumShape(c, List.copyOf(names), List.copyOf(constants));
        }
        if (c.isRecord()) {
            return record(c, where, enclosing);
        }
        throw unsupported(where, type);
    }

    private static Type argument(Type type, String where) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException(where + ": " + type.getTypeName() + " needs its type argument");
    }

    private static IllegalArgumentException unsupported(String where, Type type) {
        return new IllegalArgumentException(where + ": init_config cannot be bound to " + type.getTypeName()
                + " (supported: int, long, double, boolean, their boxes, String, enums, records, List and Optional of these)");
    }

    /** The non-empty {@code value()} of the annotation named {@code annotation} on {@code element}, found by name. */
    private static Optional<String> annotationValue(AnnotatedElement element, String annotation) {
        for (Annotation present : element.getAnnotations()) {
            if (present.annotationType().getName().equals(annotation)) {
                try {
                    Object value = present.annotationType().getMethod("value").invoke(present);
                    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
