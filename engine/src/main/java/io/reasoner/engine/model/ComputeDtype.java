package io.reasoner.engine.model;

/**
 * The floating-point type the weights, activations and KV cache are held in. Whatever the choice, RMSNorm and
 * softmax accumulate in F32 (as Hugging Face's implementations do), and logits come back as F32.
 *
 * <p>There is no BF16: DJL 0.36's PyTorch JNI has no bfloat16 mapping, and asking it for one aborts the process
 * rather than throwing. BF16-stored weights are therefore widened at load (exactly, to F32; or to F16).
 */
public enum ComputeDtype {
    /**
     * F32 on a CPU. On a GPU, the weights' own type where DJL can hold it: F16 when every matrix is stored F16,
     * F32 otherwise (BF16 checkpoints are trained with BF16's range, which F16 lacks, so narrowing them to F16
     * risks overflow; quantized weights have no float type of their own).
     */
    AUTO,
    F32,
    /** Half the memory of F32; on a CPU, slower than F32 and mainly useful to check an F16 deployment. */
    F16
}
