package io.reasoner.s1mini.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.reasoner.engine.model.TrainableTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a {@link TrainableTransformer} (the engine's own forward) on next-token cross-entropy with AdamW. Each
 * step: a batch, the forward and loss under a gradient collector, backward, global-norm clipping, the update, and
 * the gradients zeroed (PyTorch accumulates them). Every array a step creates belongs to that step's manager.
 */
public final class Trainer {

    private final TrainableTransformer model;
    private final int padToken;

    public Trainer(TrainableTransformer model, int padToken) {
        this.model = Objects.requireNonNull(model, "model");
        this.padToken = padToken;
    }

    /** Runs one stage; returns the loss of every step. */
    public List<Float> train(List<TrainingExample> examples, TrainingConfig config, TrainingListener listener) {
        Batches batches = new Batches(examples, config.batchSize(), padToken, new SplittableRandom(config.seed()));
        List<Float> losses = new ArrayList<>(config.steps());
        try (NDManager state = NDManager.newBaseManager()) {
            AdamW optimizer = new AdamW(state);
            for (int step = 0; step < config.steps(); step++) {
                long start = System.nanoTime();
                float learningRate = config.learningRateAt(step);
                float loss = step(batches.next(), optimizer, learningRate, config);
                losses.add(loss);
                listener.onStep(step, config.steps(), loss, learningRate, (System.nanoTime() - start) / 1_000_000);
            }
        }
        return losses;
    }

    /** Mean cross-entropy of {@code batch} under the current weights, without training. */
    public float loss(List<TrainingExample> examples, int batchSize) {
        Batches batches = new Batches(examples, batchSize, padToken, new SplittableRandom(0));
        double total = 0;
        int tokens = 0;
        for (int done = 0; done < examples.size(); done += batchSize) {
            Batches.Batch batch = batches.next();
            try (NDManager step = NDManager.newBaseManager()) {
                total += crossEntropy(step, batch).getFloat() * batch.lossTokens();
                tokens += batch.lossTokens();
            }
        }
        return (float) (total / Math.max(1, tokens));
    }

    private float step(Batches.Batch batch, AdamW optimizer, float learningRate, TrainingConfig config) {
        try (NDManager step = NDManager.newBaseManager()) {
            float loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray value = crossEntropy(step, batch);
                collector.backward(value);
                loss = value.getFloat();
            }
            Map<String, NDArray> parameters = model.parameters();
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            double squared = 0;
            for (NDArray parameter : parameters.values()) {
                NDArray gradient = parameter.getGradient();
                gradient.attach(step);
                gradients.add(gradient);
                squared += gradient.square().sum().getFloat();
            }
            double norm = Math.sqrt(squared);
            float scale = norm > config.clipNorm() ? (float) (config.clipNorm() / norm) : 1f;
            optimizer.nextStep();
            int i = 0;
            for (Map.Entry<String, NDArray> parameter : parameters.entrySet()) {
                NDArray gradient = gradients.get(i++);
                float decay = parameter.getValue().getShape().dimension() >= 2 ? config.weightDecay() : 0f;
                optimizer.update(step, parameter.getKey(), parameter.getValue(), gradient.mul(scale), learningRate,
                        decay);
                gradient.subi(gradient); // zero in place: the handle shares the parameter's gradient storage
            }
            return loss;
        }
    }

    /** Mean negative log-likelihood of the targets at positions whose weight is 1. */
    private NDArray crossEntropy(NDManager step, Batches.Batch batch) {
        NDArray logits = model.logits(step, batch.inputs(), batch.size());
        NDArray targets = step.create(batch.targets()).reshape(-1, 1);
        NDArray weights = step.create(batch.weights());
        NDArray picked = logits.logSoftmax(-1).gather(targets, 1).reshape(-1);
        return picked.mul(weights).sum().neg().div(weights.sum());
    }
}
