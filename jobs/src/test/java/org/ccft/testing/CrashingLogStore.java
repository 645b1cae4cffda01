package org.ccft.testing;

import io.delta.storage.LocalLogStore;
import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Delta's log store for local files, with a crash point: with {@code -Dcrash.commit=<path part>}
 * the first commit to a table whose path contains it stops dead after the write's data files are on
 * disk and before its commit file is written, i.e. inside the Delta write.
 */
public class CrashingLogStore extends LocalLogStore {

    public CrashingLogStore(Configuration conf) {
        super(conf);
    }

    @Override
    public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration conf)
            throws IOException {
        String table = System.getProperty("crash.commit", "");
        if (!table.isEmpty()
                && path.getName().matches("\\d{20}\\.json")
                && path.toString().contains(table)) {
            CrashPoints.freeze("inside the commit of " + path.getParent().getParent());
        }
        super.write(path, actions, overwrite, conf);
    }
}
