package dev.falcojava.sdk.api;

import java.util.List;

/**
 * The field extraction capability: the plugin computes values of its fields for events the host gives it.
 *
 * <p>Plugins do not implement this directly: the generated base class implements {@link #extract} by calling
 * one typed method per field declared in plugin.yaml.
 */
public interface ExtractPlugin extends Plugin {

    /** The fields of this plugin, in the order of their ids. */
    List<FieldDefinition> fields();

    /** Computes the value of the field {@code request.fieldId()} and sets it on {@code request}. */
    void extract(ExtractRequest request) throws Exception;
}
