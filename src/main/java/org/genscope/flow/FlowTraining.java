package org.genscope.flow;

import org.genscope.nn.Optimizer;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.CosineDecay;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;

/**
 * How a flow is trained, the one recipe the app and {@code genscope train flow} share: maximum likelihood with
 * {@link #OPTIMIZER Adam} at learning rate lr, decayed over the run's {@code maxSteps} by {@link CosineDecay}
 * (as the presets were tuned) or held constant.
 */
public final class FlowTraining {
    /** The optimizer of every flow run. */
    public static final OptimizerKind OPTIMIZER = OptimizerKind.ADAM;

    private FlowTraining() {}

    /**
     * A job that trains {@code task} for {@code config.maxSteps()} steps (which must be set) with Adam at peak
     * rate {@code lr}, under the cosine schedule if {@code cosine}; listeners added later run after the schedule.
     */
    public static TrainingJob<FlowPayload> job(FlowTrainable task, TrainConfig config, double lr, boolean cosine,
                                               TaskExecutor executor) {
        if (config.maxSteps() < 1) throw new IllegalArgumentException("a flow trains for a number of steps: set maxSteps");
        Optimizer adam = OPTIMIZER.create(task.params(), lr);
        TrainingJob<FlowPayload> job = new TrainingJob<>(task, adam, config, executor);
        if (cosine) job.addListener(new CosineDecay(adam, lr, config.maxSteps()));
        return job;
    }
}
