package io.reasoner.engine.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/** Creates NDManagers on DJL's PyTorch engine and sizes its thread pools for the model at hand. */
final class TorchRuntime {

    static final String ENGINE = "PyTorch";
    static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /**
     * Below this many weights every matmul is too small for PyTorch to split (its grain is ~32K elements), yet a
     * second intra-op thread still costs a pool hand-off per op. Measured on stories260K on a 2-core machine:
     * ~480 tokens/s with one thread, ~380 with two, and far worse with two when other processes share the cores.
     */
    static final long MULTI_THREAD_MIN_PARAMETERS = 50_000_000L;

    private TorchRuntime() {
    }

    /** Settings that only take effect before the native library loads; call before anything touches the engine. */
    static void prepare() {
        OpenMpWaitPolicy.preferShortSpin();
    }

    /** A new root manager on the CPU; see {@link #newManager(long, LoadOptions)}. */
    static NDManager newManager(long parameterCount) {
        return newManager(parameterCount, LoadOptions.defaults());
    }

    /**
     * A new root manager on the device {@code options} names. On the CPU, the intra-op thread count is chosen
     * for a model of {@code parameterCount} weights: one thread for small models, all available cores otherwise,
     * unless the user set {@value #INTRA_OP_THREADS}. Inter-op threads default to 1 because decoding runs one op
     * after another and a second pool would only compete for the same cores. The thread counts are process-wide.
     *
     * @throws ModelLoadException if a GPU is asked for and PyTorch sees none with that index
     */
    static NDManager newManager(long parameterCount, LoadOptions options) {
        prepare();
        setIfAbsent(INTER_OP_THREADS, 1);
        Device device = device(options);
        NDManager manager = NDManager.newBaseManager(device, ENGINE);
        if (!device.isGpu() && System.getProperty(INTRA_OP_THREADS) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            JniUtils.setNumThreads(parameterCount < MULTI_THREAD_MIN_PARAMETERS ? 1 : cores);
        }
        return manager;
    }

    /** A CPU manager that leaves the thread settings alone, for {@link MachineProbe}. */
    static NDManager newProbeManager() {
        prepare();
        return NDManager.newBaseManager(Device.cpu(), ENGINE);
    }

    /** Checked before any allocation: PyTorch fails late and obscurely on a device it does not have. */
    static Device device(LoadOptions options) {
        if (!options.onGpu()) {
            return Device.cpu();
        }
        int gpus = Engine.getEngine(ENGINE).getGpuCount();
        if (options.gpuIndex() >= gpus) {
            throw new ModelLoadException("device " + options.device() + " was asked for, but PyTorch sees "
                    + gpus + " GPU(s) (a CUDA build of the PyTorch native library and a driver are needed)");
        }
        return Device.gpu(options.gpuIndex());
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
