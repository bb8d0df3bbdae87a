import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The least a Java plugin needs of the JVM: one upcall stub of the bridge's shape (four longs to a long) and one
 * read of native memory. init_driver's --jvm mode calls {@link #run} after creating the JVM; {@link #main} is the
 * training run of its own AOT cache.
 */
public final class Floor {

    private Floor() {
    }

    static long target(long a, long b, long c, long d) {
        return a + b + c + d;
    }

    public static void run() throws ReflectiveOperationException {
        MethodHandle target = MethodHandles.lookup().findStatic(Floor.class, "target",
                MethodType.methodType(long.class, long.class, long.class, long.class, long.class));
        MemorySegment stub = Linker.nativeLinker().upcallStub(target, FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Arena.global());
        MemorySegment.NULL.reinterpret(Long.MAX_VALUE).get(ValueLayout.JAVA_BYTE, stub.address());
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        run();
    }
}
