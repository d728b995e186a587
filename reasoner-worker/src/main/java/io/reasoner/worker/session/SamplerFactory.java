package io.reasoner.worker.session;

import io.reasoner.engine.sampling.Sampler;
import io.reasoner.protocol.Sampling;

/** Makes the sampler a request asks for. */
@FunctionalInterface
public interface SamplerFactory {

    /**
     * @param requestId used to derive a seed when the request names none, so a retried request samples the same
     */
    Sampler create(Sampling sampling, String requestId);
}
