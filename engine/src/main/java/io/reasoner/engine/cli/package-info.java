/** Command-line entry points over the engine, for trying a model and quoting its speed. */
package io.reasoner.engine.cli;
