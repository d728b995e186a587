package io.reasoner.engine.model;

/**
 * A deliberately naive forward pass in plain double-precision loops, written from the Hugging Face modeling code
 * (LlamaForCausalLM, Qwen2ForCausalLM, Qwen3ForCausalLM) rather than from the engine: no fused projections, no
 * folded scales, RoPE as {@code q * cos + rotate_half(q) * sin}, GQA by {@code repeat_kv}, and a full causal
 * softmax per position. It reads the Hugging Face tensors of a {@link TinyModel}.
 */
final class ReferenceForward {

    private final TinyModel model;
    private final TinyModel.Spec spec;
    private final double[] inverseFrequencies;
    private final double attentionFactor;

    ReferenceForward(TinyModel model) {
        this(model, unscaled(model.spec), 1);
    }

    /**
     * With RoPE scaling: pair i turns {@code inverseFrequencies[i]} radians per position, and cos and sin are
     * multiplied by {@code attentionFactor} (Hugging Face's {@code attention_scaling}).
     */
    ReferenceForward(TinyModel model, double[] inverseFrequencies, double attentionFactor) {
        this.model = model;
        this.spec = model.spec;
        this.inverseFrequencies = inverseFrequencies.clone();
        this.attentionFactor = attentionFactor;
    }

    private static double[] unscaled(TinyModel.Spec spec) {
        double[] inverse = new double[spec.headDim() / 2];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = Math.pow(spec.ropeTheta(), -2.0 * i / spec.headDim());
        }
        return inverse;
    }

    /** Logits after each position of {@code tokens}: {@code [tokens.length][vocab]}. */
    double[][] logits(int[] tokens) {
        int n = tokens.length;
        int hd = spec.headDim();
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = row(model.tensor("model.embed_tokens.weight"), tokens[t], spec.dim());
        }
        for (int layer = 0; layer < spec.layers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            double[][] v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = rmsNorm(x[t], model.tensor(p + "input_layernorm.weight"));
                q[t] = linear(p + "self_attn.q_proj", h, spec.heads() * hd);
                k[t] = linear(p + "self_attn.k_proj", h, spec.kvHeads() * hd);
                v[t] = linear(p + "self_attn.v_proj", h, spec.kvHeads() * hd);
                if (spec.architecture() == Architecture.QWEN3) {
                    normalisePerHead(q[t], model.tensor(p + "self_attn.q_norm.weight"));
                    normalisePerHead(k[t], model.tensor(p + "self_attn.k_norm.weight"));
                }
                rotateHalf(q[t], t);
                rotateHalf(k[t], t);
            }
            for (int t = 0; t < n; t++) {
                double[] attended = attend(q[t], k, v, t);
                add(x[t], matVec(model.tensor(p + "self_attn.o_proj.weight"), attended, spec.dim()));
                double[] h = rmsNorm(x[t], model.tensor(p + "post_attention_layernorm.weight"));
                double[] gate = matVec(model.tensor(p + "mlp.gate_proj.weight"), h, spec.ffn());
                double[] up = matVec(model.tensor(p + "mlp.up_proj.weight"), h, spec.ffn());
                for (int i = 0; i < gate.length; i++) {
                    gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                add(x[t], matVec(model.tensor(p + "mlp.down_proj.weight"), gate, spec.dim()));
            }
        }
        double[][] logits = new double[n][];
        for (int t = 0; t < n; t++) {
            logits[t] = matVec(model.outputHead(), rmsNorm(x[t], model.tensor("model.norm.weight")), spec.vocab());
        }
        return logits;
    }

    /** softmax(q . k_j / sqrt(hd)) over j <= t, per query head; query head h reads key/value head h / group. */
    private double[] attend(double[] q, double[][] k, double[][] v, int t) {
        int hd = spec.headDim();
        int group = spec.heads() / spec.kvHeads();
        double[] out = new double[spec.heads() * hd];
        for (int h = 0; h < spec.heads(); h++) {
            int kvh = h / group;
            double[] scores = new double[t + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= t; j++) {
                double dot = 0;
                for (int d = 0; d < hd; d++) {
                    dot += q[h * hd + d] * k[j][kvh * hd + d];
                }
                scores[j] = dot / Math.sqrt(hd);
                max = Math.max(max, scores[j]);
            }
            double sum = 0;
            for (int j = 0; j <= t; j++) {
                scores[j] = Math.exp(scores[j] - max);
                sum += scores[j];
            }
            for (int j = 0; j <= t; j++) {
                for (int d = 0; d < hd; d++) {
                    out[h * hd + d] += scores[j] / sum * v[j][kvh * hd + d];
                }
            }
        }
        return out;
    }

    /**
     * Hugging Face RoPE: dim i pairs with i + hd/2, angle position * inverseFrequencies[i] (theta^(-2i/hd)
     * unscaled), cos and sin times the attention factor.
     */
    private void rotateHalf(double[] heads, int position) {
        int hd = spec.headDim();
        for (int head = 0; head < heads.length / hd; head++) {
            for (int i = 0; i < hd / 2; i++) {
                double angle = position * inverseFrequencies[i];
                double cos = Math.cos(angle) * attentionFactor;
                double sin = Math.sin(angle) * attentionFactor;
                int a = head * hd + i;
                int b = a + hd / 2;
                double x1 = heads[a];
                double x2 = heads[b];
                heads[a] = x1 * cos - x2 * sin;
                heads[b] = x2 * cos + x1 * sin;
            }
        }
    }

    private void normalisePerHead(double[] heads, float[] weight) {
        int hd = spec.headDim();
        for (int head = 0; head < heads.length / hd; head++) {
            double[] one = new double[hd];
            System.arraycopy(heads, head * hd, one, 0, hd);
            System.arraycopy(rmsNorm(one, weight), 0, heads, head * hd, hd);
        }
    }

    private double[] rmsNorm(double[] x, float[] weight) {
        double sumOfSquares = 0;
        for (double value : x) {
            sumOfSquares += value * value;
        }
        double scale = 1 / Math.sqrt(sumOfSquares / x.length + spec.eps());
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale * weight[i];
        }
        return out;
    }

    private double[] linear(String prefix, double[] x, int out) {
        double[] y = matVec(model.tensor(prefix + ".weight"), x, out);
        float[] bias = model.tensor(prefix + ".bias");
        if (bias != null) {
            for (int i = 0; i < out; i++) {
                y[i] += bias[i];
            }
        }
        return y;
    }

    /** {@code W x} for a row-major {@code [out, x.length]} matrix. */
    private static double[] matVec(float[] w, double[] x, int out) {
        double[] y = new double[out];
        for (int r = 0; r < out; r++) {
            double sum = 0;
            for (int c = 0; c < x.length; c++) {
                sum += w[r * x.length + c] * x[c];
            }
            y[r] = sum;
        }
        return y;
    }

    private static double[] row(float[] matrix, int row, int width) {
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            out[i] = matrix[row * width + i];
        }
        return out;
    }

    private static void add(double[] into, double[] delta) {
        for (int i = 0; i < into.length; i++) {
            into[i] += delta[i];
        }
    }
}
