package io.reasoner.engine.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes PyTorch's idle OpenMP threads spin only briefly ({@code GOMP_SPINCOUNT=}{@value #SPIN_COUNT}) before they
 * sleep, unless the user chose a policy ({@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} in the environment).
 *
 * <p>Why: between two tensor ops the decoding thread runs Java (DJL's bookkeeping, the next op's arguments), and
 * an idle OpenMP worker waits meanwhile. Left to spin for libgomp's default 300,000 rounds, it and the JVM's own
 * threads (JIT, GC) crowd the decoding thread off its core when threads = cores: measured on a 2-core EPYC with 2
 * intra-op threads, a 110M-parameter model at batch 1 took 330-470 ms a token in some runs (48-55 ms in others).
 * Made to sleep at once ({@code OMP_WAIT_POLICY=PASSIVE}), it must be woken for every op, which costs more than
 * a small op's work: measured on a 2-core Xeon, a 1 x 768 by 768 x 768 product took 0.25 ms against 0.06 ms with
 * a short spin. A short spin, well under a millisecond, keeps a worker awake across the gap between the ops
 * of one step and lets it sleep between steps. Same Xeon, same model, whole decode steps: 31 ms a token at batch
 * 1 with PASSIVE against 23-24 ms with a spin count of 5,000-100,000, and 76 against 62-64 ms a step at batch 16.
 * With another process keeping one of the two cores busy, the spin is slower, 65 ms a token at batch 1 against
 * 55 ms with PASSIVE and 155 against 131 ms a step at batch 16, but it does not collapse, and a worker pod has
 * its cores to itself.
 *
 * <p>How: libgomp reads the variable once, when libtorch loads, so it is set in this process's C environment (Java
 * has no setenv of its own) before the engine's first use; Linux and macOS only.
 */
final class OpenMpWaitPolicy {

    /** Spin rounds before an idle OpenMP thread sleeps; libgomp's default is 300,000. */
    static final int SPIN_COUNT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    private static boolean applied;

    /** The C library's {@code setenv(3)}. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenMpWaitPolicy() {
    }

    /** Idempotent; must run before the PyTorch engine loads to have any effect. */
    static synchronized void preferShortSpin() {
        if (applied) {
            return;
        }
        applied = true;
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null
                || !(Platform.isLinux() || Platform.isMac())) {
            return;
        }
        try {
            int status = Native.load("c", CLibrary.class).setenv("GOMP_SPINCOUNT", Integer.toString(SPIN_COUNT), 0);
            if (status != 0) {
                LOG.warn("could not set GOMP_SPINCOUNT={} (setenv returned {}); idle OpenMP threads will spin long,"
                        + " which can slow small tensor ops many times over when threads = cores", SPIN_COUNT, status);
            }
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("could not set GOMP_SPINCOUNT={} ({}); idle OpenMP threads will spin long, which can slow"
                    + " small tensor ops many times over when threads = cores", SPIN_COUNT, e.toString());
        }
    }
}
