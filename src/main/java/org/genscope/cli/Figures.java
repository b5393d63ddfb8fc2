package org.genscope.cli;

import java.util.function.Supplier;
import org.genscope.compare.NoFigureException;

/** The leaderboard's figures ({@code compare.Evaluator}) for a command: a figure that is not finite fails it (exit 1). */
final class Figures {
    private Figures() {}

    static <T> T of(Supplier<T> figures) throws CliException {
        try {
            return figures.get();
        } catch (NoFigureException e) {
            throw new CliException(e.getMessage());
        }
    }
}
