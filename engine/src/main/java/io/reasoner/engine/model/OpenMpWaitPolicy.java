package io.reasoner.engine.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes PyTorch's OpenMP threads sleep, rather than spin, while they wait for work, unless the user chose a policy
 * ({@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} in the environment).
 *
 * <p>Why: between two tensor ops the decoding thread runs Java (DJL's bookkeeping, the next op's arguments), and an
 * idle OpenMP worker spins meanwhile. With as many workers as cores, a spinning worker and the JVM's own threads
 * (JIT, GC) crowd the decoding thread off its core, and each small op can then wait out a scheduler time slice.
 * Measured on a 2-core EPYC with 2 intra-op threads, a 110M-parameter model at batch 1: 330-470 ms a token with
 * the default policy in some runs (48-55 ms in others), 48-54 ms every time with a passive one; at batch 16 the
 * passive policy cost nothing (126-153 ms a step against 134-172).
 *
 * <p>How: libgomp reads the variable once, when libtorch loads, so it is set in this process's C environment (Java
 * has no setenv of its own) before the engine's first use; Linux and macOS only.
 */
final class OpenMpWaitPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    private static boolean applied;

    /** The C library's {@code setenv(3)}. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenMpWaitPolicy() {
    }

    /** Idempotent; must run before the PyTorch engine loads to have any effect. */
    static synchronized void preferPassive() {
        if (applied) {
            return;
        }
        applied = true;
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null
                || !(Platform.isLinux() || Platform.isMac())) {
            return;
        }
        try {
            int status = Native.load("c", CLibrary.class).setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            if (status != 0) {
                LOG.warn("could not set OMP_WAIT_POLICY=PASSIVE (setenv returned {}); idle OpenMP threads will spin,"
                        + " which can slow small tensor ops many times over when threads = cores", status);
            }
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("could not set OMP_WAIT_POLICY=PASSIVE ({}); idle OpenMP threads will spin, which can slow"
                    + " small tensor ops many times over when threads = cores", e.toString());
        }
    }
}
