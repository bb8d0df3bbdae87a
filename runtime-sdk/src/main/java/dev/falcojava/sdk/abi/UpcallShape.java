package dev.falcojava.sdk.abi;

import java.lang.foreign.FunctionDescriptor;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The native signatures of the bridge's upcall stubs. The JVM generates and links a stub per distinct signature, which
 * is most of what creating a stub costs, so every slot the glue calls has one shape: four {@code int64_t} arguments
 * and an {@code int64_t} result. The glue widens each argument to {@code int64_t} (0 for the ones a call does not
 * have) and narrows the result to the type its export returns; each bridge method takes and returns {@code long}s.
 * Internal contract between the SDK and the generated glue; not for plugin code.
 */
public final class UpcallShape {

    /** {@code int64_t (*)(int64_t, int64_t, int64_t, int64_t)}: the shape of every slot the glue calls. */
    public static final FunctionDescriptor UNIFORM = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);

    /** {@code int32_t (*)(int64_t, int64_t)}: the routine function the host's thread pool calls itself. */
    public static final FunctionDescriptor HOST_ROUTINE = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG);

    private UpcallShape() {
    }
}
