package io.reasoner.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/** Creates NDManagers on DJL's PyTorch engine on CPU, setting its thread pools on first use. */
final class TorchRuntime {

    static final String ENGINE = "PyTorch";
    static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private TorchRuntime() {
    }

    /**
     * A new root manager. DJL reads the thread properties once, when the engine starts, so they are set here
     * unless the user already chose: intra-op threads = available cores (matmuls split across them; tiny ones
     * stay on one thread anyway), inter-op threads = 1 because decoding runs one op after another and a second
     * pool would only compete for the same cores.
     */
    static NDManager newManager() {
        setIfAbsent(INTRA_OP_THREADS, Runtime.getRuntime().availableProcessors());
        setIfAbsent(INTER_OP_THREADS, 1);
        return NDManager.newBaseManager(Device.cpu(), ENGINE);
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
