# Base image of the CUDA worker (reasoner/worker-cuda): CUDA 12.8 + cuDNN runtime, a Java 17 runtime and libtorch
# 2.7.1+cu128, the exact build DJL 0.36's cu128 JNI glue is compiled against (engine/GPU.md). Jib puts the worker on
# top of it without a Docker daemon (./mvnw -Ptorch-cuda ... jib:build); only this base needs a builder, once:
#
#   docker build -f ops/images/cuda-jre-libtorch.Dockerfile -t reasoner/cuda-jre-libtorch:2.7.1-cu128 ops/images
#   (or kaniko/buildah where no daemon is allowed)
#
# Not built in this project's CI (no Docker engine, no network beyond Maven Central there).
FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

ARG LIBTORCH_URL=https://download.pytorch.org/libtorch/cu128/libtorch-cxx11-abi-shared-with-deps-2.7.1%2Bcu128.zip

RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl unzip ca-certificates \
 && curl -fsSL -o /tmp/libtorch.zip "$LIBTORCH_URL" \
 && unzip -q /tmp/libtorch.zip -d /opt \
 && rm /tmp/libtorch.zip \
 && apt-get purge -y curl unzip && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* \
 && test -f /opt/libtorch/lib/libtorch.so

# The same non-root user as the other images (Jib sets USER 10001:10001 on top).
RUN groupadd --gid 10001 reasoner && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin reasoner

ENV PYTORCH_LIBRARY_PATH=/opt/libtorch/lib \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu128 \
    DJL_CACHE_DIR=/tmp/djl
