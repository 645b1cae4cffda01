package org.ccft.lakehouse;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.springframework.core.io.AbstractResource;

/**
 * A file on any Hadoop file system (local or object store) as a Spring resource, re-openable on
 * restart.
 */
public final class HadoopResource extends AbstractResource {

    private final String path;
    private final Configuration conf;

    public HadoopResource(String path, Configuration conf) {
        this.path = path;
        this.conf = conf;
    }

    @Override
    public boolean exists() {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).open(p);
    }

    @Override
    public String getDescription() {
        return path;
    }
}
