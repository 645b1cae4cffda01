package org.ccft.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release folders after a publication has moved: the current release's files for people are put
 * at paths that do not change from night to night ({@code published/files/internal/...} and {@code
 * published/files/public/...}: each file replaced by a rename, so nobody opens half a file), and
 * releases older than the one before the current are removed (a reader who started on the previous
 * one can finish).
 */
public final class ReleaseFolders {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseFolders.class);

    private final WarehouseLayout layout;
    private final Configuration hadoop;

    public ReleaseFolders(WarehouseLayout layout, Configuration hadoop) {
        this.layout = layout;
        this.hadoop = hadoop;
    }

    /** The file system of a path; a local one without checksum files beside each file. */
    public static FileSystem fileSystem(Path path, Configuration hadoop) throws IOException {
        FileSystem fs = path.getFileSystem(hadoop);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    public void present(String release) {
        for (String audience : List.of("internal", PublicRelease.FOLDER)) {
            present(release, audience);
        }
        try {
            prune(fileSystem(new Path(layout.publishedReleases()), hadoop), release);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune the releases before " + release, e);
        }
    }

    private void present(String release, String audience) {
        Path to = new Path(layout.publishedFiles() + "/" + audience);
        try {
            FileSystem fs = fileSystem(to, hadoop);
            Path from =
                    fs.makeQualified(
                            new Path(layout.publishedReleases() + "/" + release + "/" + audience));
            if (!fs.exists(from)) {
                return;
            }
            to = fs.makeQualified(to);
            Set<String> current = new HashSet<>();
            // The publication has already moved: a file someone holds open keeps last night's copy,
            // with a warning, rather than failing a run whose figures are published.
            for (Path file : files(fs, from)) {
                String relative = from.toUri().relativize(file.toUri()).getPath();
                current.add(relative);
                try {
                    replace(fs, file, new Path(to, relative));
                } catch (IOException e) {
                    LOG.warn(
                            "{} not refreshed (it keeps the previous release's copy): {}",
                            relative,
                            e.getMessage());
                }
            }
            for (Path stale : files(fs, to)) {
                if (!current.contains(to.toUri().relativize(stale.toUri()).getPath())
                        && !fs.delete(stale, false)) {
                    LOG.warn("{} is no longer published but could not be removed", stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot present release " + release + " in " + to, e);
        }
    }

    /**
     * Puts the sites built for this publication at {@code published/site/}: each audience's folder
     * is written beside the old one and swapped in by two renames.
     */
    public void presentSite(java.nio.file.Path local) {
        Path root = new Path(layout.publishedSite());
        try {
            FileSystem fs = fileSystem(root, hadoop);
            fs.mkdirs(root);
            try (Stream<java.nio.file.Path> audiences = Files.list(local)) {
                for (java.nio.file.Path site : audiences.toList()) {
                    Path target = new Path(root, site.getFileName().toString());
                    Path next = new Path(root, "." + site.getFileName() + ".next");
                    Path old = new Path(root, "." + site.getFileName() + ".old");
                    fs.delete(next, true);
                    fs.delete(old, true);
                    fs.copyFromLocalFile(false, true, new Path(site.toUri()), next);
                    if (fs.exists(target) && !fs.rename(target, old)) {
                        throw new IOException("cannot move " + target + " aside");
                    }
                    if (!fs.rename(next, target)) {
                        throw new IOException("cannot rename " + next + " to " + target);
                    }
                    fs.delete(old, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot present the sites in " + root, e);
        }
    }

    /** Copies to a hidden name beside the target, then renames over it. */
    private static void replace(FileSystem fs, Path source, Path target) throws IOException {
        fs.mkdirs(target.getParent());
        Path next = new Path(target.getParent(), "." + target.getName() + ".next");
        try (FSDataInputStream in = fs.open(source);
                FSDataOutputStream out = fs.create(next, true)) {
            in.transferTo(out);
        }
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(next, target)) {
            throw new IOException("cannot rename " + next + " to " + target);
        }
    }

    /** Keeps the current release and the one before it; removes older ones. */
    private void prune(FileSystem fs, String current) throws IOException {
        Path root = new Path(layout.publishedReleases());
        if (!fs.exists(root)) {
            return;
        }
        List<FileStatus> releases =
                new ArrayList<>(
                        Arrays.stream(fs.listStatus(root))
                                .filter(FileStatus::isDirectory)
                                .filter(s -> !s.getPath().getName().equals(current))
                                .toList());
        releases.sort(Comparator.comparingLong(ReleaseFolders::publishedSecond).reversed());
        for (FileStatus old : releases.subList(Math.min(1, releases.size()), releases.size())) {
            LOG.info("release {} removed (two newer releases are kept)", old.getPath().getName());
            fs.delete(old.getPath(), true);
        }
    }

    private static long publishedSecond(FileStatus release) {
        String name = release.getPath().getName();
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static List<Path> files(FileSystem fs, Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!fs.exists(folder)) {
            return out;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            if (!p.getName().startsWith(".")) {
                out.add(p);
            }
        }
        return out;
    }
}
