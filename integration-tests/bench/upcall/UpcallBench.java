import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The cost of one FFM upcall whose Java target does nothing, per target shape: a static method, a virtual method
 * bound to its receiver (how the bridge's stubs are made), three longs returning an int or four returning a long.
 * A C loop calls each stub; prints, per shape, the median and the least ns per call over the rounds, in CPU time of
 * the calling thread (which other processes on a loaded machine barely disturb). Usage: java UpcallBench LIBRARY [ROUNDS]
 */
public final class UpcallBench {

    private final long offset = 0;

    static int staticThree(long a, long b, long c) {
        return (int) a;
    }

    static long staticFour(long a, long b, long c, long d) {
        return a;
    }

    int boundThree(long a, long b, long c) {
        return (int) (a + offset);
    }

    long boundFour(long a, long b, long c, long d) {
        return a + offset;
    }

    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        Arena arena = Arena.global();
        SymbolLookup library = SymbolLookup.libraryLookup(Path.of(args[0]), arena);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        FunctionDescriptor loop = FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG);
        MethodHandle callThree = linker.downcallHandle(library.find("call_three").orElseThrow(), loop);
        MethodHandle callFour = linker.downcallHandle(library.find("call_four").orElseThrow(), loop);
        FunctionDescriptor three = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        FunctionDescriptor four = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType threeType = three.toMethodType();
        MethodType fourType = four.toMethodType();
        UpcallBench receiver = new UpcallBench();
        String[] names = {"static (long,long,long)int", "bound (long,long,long)int", "static (long,long,long,long)long",
                "bound (long,long,long,long)long"};
        MemorySegment[] stubs = {
                linker.upcallStub(lookup.findStatic(UpcallBench.class, "staticThree", threeType), three, arena),
                linker.upcallStub(lookup.findVirtual(UpcallBench.class, "boundThree", threeType).bindTo(receiver), three, arena),
                linker.upcallStub(lookup.findStatic(UpcallBench.class, "staticFour", fourType), four, arena),
                linker.upcallStub(lookup.findVirtual(UpcallBench.class, "boundFour", fourType).bindTo(receiver), four, arena)};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long calls = 2_000_000;
        double[][] times = new double[stubs.length][rounds];
        for (int round = -3; round < rounds; round++) {
            for (int k = 0; k < stubs.length; k++) {
                MethodHandle call = k < 2 ? callThree : callFour;
                long start = threads.getCurrentThreadCpuTime();
                long sum = (long) call.invokeExact(stubs[k], calls);
                double ns = (threads.getCurrentThreadCpuTime() - start) / (double) calls;
                if (sum != (calls - 1) * calls / 2) {
                    throw new AssertionError("the stub returned wrong values");
                }
                if (round >= 0) {
                    times[k][round] = ns;
                }
            }
        }
        for (int k = 0; k < stubs.length; k++) {
            Arrays.sort(times[k]);
            System.out.printf("| %-34s | %8.2f | %8.2f |%n", names[k], times[k][rounds / 2], times[k][0]);
        }
    }
}
