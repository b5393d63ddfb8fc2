package org.genscope.compare;

/** A figure that came out NaN or infinite: its message names the model, the data and what went wrong. */
public final class NoFigureException extends RuntimeException {
    public NoFigureException(String message) {
        super(message);
    }
}
