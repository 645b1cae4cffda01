package org.ccft.published;

/** A reader's query that is not answered, with the one-line reason the reader is given. */
public final class RefusedQuery extends Exception {

    public RefusedQuery(String reason) {
        super(reason);
    }
}
