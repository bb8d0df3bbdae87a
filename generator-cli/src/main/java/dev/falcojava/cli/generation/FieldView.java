package dev.falcojava.cli.generation;

/**
 * One field as the templates see it: every text already escaped for the language it lands in. Names differ from
 * the plugin-level ones of {@link ProjectModel} so that templates can use both inside a field section.
 *
 * @param index        the field id
 * @param jFieldName   the name in a Java string literal
 * @param jFieldDescription the description in a Java string literal
 * @param docFieldName the name in Javadoc
 * @param docFieldDescription the description in Javadoc
 * @param yamlType     the type as written in plugin.yaml
 * @param javaType     the Java type of its extract method
 * @param defaultValue a Java literal of that type for "no value" stubs
 * @param setter       the ExtractRequest method of its type: setX, or addX for a list field
 * @param sdkType      the SDK FieldType constant
 * @param method       its typed extract method
 * @param starter      what the starter implementation computes, when the field is one of the starter fields
 * @param last         whether it is the last field
 * @param list         whether it is a list field (its method returns a List)
 * @param sdkArgument  the SDK FieldArgument constant
 * @param boxedType    the Java type of one value of a list field
 */
public record FieldView(int index, String jFieldName, String jFieldDescription, String docFieldName,
                        String docFieldDescription,
                        String yamlType, String javaType, String defaultValue, String setter, String sdkType,
                        String method, StarterField starter, boolean last, boolean list, String sdkArgument,
                        String boxedType) {

    public boolean countsEvents() {
        return starter == StarterField.COUNT;
    }

    public boolean returnsPayload() {
        return starter == StarterField.MESSAGE;
    }

    public boolean isEven() {
        return starter == StarterField.EVEN;
    }

    public boolean todo() {
        return starter == null;
    }
}
