package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.genscope.nn.Optimizer;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Param;
import org.junit.jupiter.api.Test;

/**
 * The command line and the app build the same optimizer for every name. The app offers {@link OptimizerKind#values()}
 * and builds with {@link OptimizerKind#create} (MADE's training settings; the flows use Adam); the CLI resolves
 * {@code --optimizer NAME}. Same class, learning rate, state slots, and the same updates from the same gradients
 * (which pins momentum and the other hyper-parameters). Before issue 8 the CLI had its own switch, and {@code sgd}
 * meant plain SGD there but momentum 0.9 in the app.
 */
class OptimizerChoiceTest {
    private static final float[][] GRADS = {{0.5f, -1f}, {1f, 0.25f}, {-0.75f, 2f}};

    @Test
    void everyNameGivesTheOptimizerTheAppBuilds() throws Exception {
        for (OptimizerKind app : OptimizerKind.values()) {
            String name = app.toString();
            OptimizerKind cli = MadeTrain.optimizer(Options.parse(List.of("--optimizer", name), "optimizer"));
            Param a = param();
            Param c = param();
            Optimizer inApp = app.create(List.of(a), 0.05);
            Optimizer inCli = cli.create(List.of(c), 0.05);
            assertEquals(inApp.getClass(), inCli.getClass(), name);
            assertEquals(inApp.learningRate(), inCli.learningRate(), name);
            assertEquals(inApp.state().keySet(), inCli.state().keySet(), name);
            for (float[] g : GRADS) {
                System.arraycopy(g, 0, a.grad.data, 0, 2);
                System.arraycopy(g, 0, c.grad.data, 0, 2);
                inApp.step();
                inCli.step();
                assertArrayEquals(a.value.data, c.value.data, name);
            }
        }
        assertEquals(OptimizerKind.ADAM, MadeTrain.optimizer(Options.parse(List.of())), "Adam by default");
    }

    @Test
    void theUsageListsEveryNameAndAnUnknownOneIsAUsageError() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("help", "train"));
        assertTrue(cli.out().contains("--optimizer " + OptimizerKind.names("|") + " (adam)"), cli.out());
        assertEquals(2, cli.run("train", "made", "--optimizer", "rmsprop"));
        assertTrue(cli.err().contains("choose one of adam, adagrad, sgd, momentum"), cli.err());
    }

    private static Param param() {
        Param p = new Param("w", 1, 2);
        p.value.data[0] = 1f;
        p.value.data[1] = -2f;
        return p;
    }
}
