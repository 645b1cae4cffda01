package org.ccft.lakehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Small text files the warehouse keeps beside its tables (the published pointer, tags, run
 * summaries), through Hadoop's file system so that they live wherever the warehouse does. A file is
 * written whole or not at all: to a temporary name first, then renamed over the old one.
 */
public final class WarehouseFiles {

    private final Configuration hadoop;

    public WarehouseFiles(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    public Optional<String> read(String file) {
        Path path = new Path(file);
        try {
            FileContext fc = FileContext.getFileContext(path.toUri(), hadoop);
            if (!fc.util().exists(path)) {
                return Optional.empty();
            }
            try (InputStream in = fc.open(path)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public void write(String file, String text) {
        Path path = new Path(file);
        Path next =
                new Path(
                        path.getParent(),
                        "." + path.getName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            FileContext fc = FileContext.getFileContext(path.toUri(), hadoop);
            fc.mkdir(path.getParent(), null, true);
            try (OutputStream out =
                    fc.create(next, EnumSet.of(CreateFlag.CREATE, CreateFlag.OVERWRITE))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            fc.rename(next, path, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** The files directly in a folder (none if it does not exist), by name. */
    public List<String> list(String folder) {
        Path path = new Path(folder);
        List<String> files = new ArrayList<>();
        try {
            FileContext fc = FileContext.getFileContext(path.toUri(), hadoop);
            if (!fc.util().exists(path)) {
                return files;
            }
            RemoteIterator<FileStatus> it = fc.listStatus(path);
            while (it.hasNext()) {
                FileStatus f = it.next();
                if (f.isFile() && !f.getPath().getName().startsWith(".")) {
                    files.add(f.getPath().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
        files.sort(null);
        return files;
    }
}
