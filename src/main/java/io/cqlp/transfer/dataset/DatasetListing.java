package io.cqlp.transfer.dataset;

import io.cqlp.transfer.TransferException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files of a dataset that COPY FROM reads: every file under a directory, recursively, or
 * the files a glob matches, less what PARTITION_FILTER prunes.
 *
 * <p>Names starting with {@code .} and names starting with {@code _} that have no {@code =}
 * are skipped, files and directories alike (Spark's rule: {@code _SUCCESS}, {@code .crc}
 * files, {@code _temporary}, cqlp's hidden staging names). A directory level that the filter
 * rejects is skipped whole: nothing under it is listed or opened. Symbolic links are not
 * followed. Files are listed in path order, so SKIPROWS and MAXROWS count rows in that order.
 *
 * <p>A glob ({@code *}, {@code ?}, {@code [..]} or <code>{..}</code> in the path) is matched
 * with {@link java.nio.file.FileSystem#getPathMatcher} glob syntax below the longest directory
 * without glob characters, which is then the dataset's root; {@code **} crosses directories and
 * a leading <code>**&#47;</code> also matches files right in the root.
 *
 * @param root the dataset's root directory (absolute)
 * @param files the files to read, in path order
 * @param keys every partition key seen in the directories visited, as named
 * @param pruned the directories skipped by the filter
 */
public record DatasetListing(Path root, List<DatasetFile> files, Set<String> keys, long pruned) {

  /**
   * Whether a COPY FROM source names a dataset: it ends with {@code /}, is a directory, or holds
   * glob characters and is not an existing file.
   */
  public static boolean isDataset(String source) {
    return source.endsWith("/") || source.endsWith(File.separator) || Files.isDirectory(Path.of(source))
        || (hasGlob(source) && !Files.isRegularFile(Path.of(source)));
  }

  private static boolean hasGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0
        || text.indexOf('{') >= 0;
  }

  /**
   * Lists a dataset.
   *
   * @param source a directory, or a path with glob characters
   * @param filter the PARTITION_FILTER (or {@link PartitionFilter#none()})
   * @return the listing
   * @throws TransferException if the directory does not exist, or the filter names a key that no
   *     directory level has (checked when the filter pruned nothing, so the whole tree was seen)
   * @throws IOException if a directory cannot be listed
   */
  public static DatasetListing list(String source, PartitionFilter filter) throws IOException {
    Path root;
    List<PathMatcher> matchers = new ArrayList<>();
    if (hasGlob(source)) {
      String separator = File.separator;
      String[] parts = source.split(Pattern.quote(separator), -1);
      int firstGlob = 0;
      while (!hasGlob(parts[firstGlob])) {
        firstGlob++;
      }
      String base = String.join(separator, Arrays.copyOfRange(parts, 0, firstGlob));
      String pattern = String.join(separator, Arrays.copyOfRange(parts, firstGlob, parts.length));
      root = Path.of(base.isEmpty() ? (source.startsWith(separator) ? separator : ".") : base);
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**" + separator)) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    } else {
      root = Path.of(source);
    }
    root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new TransferException("Cannot read " + source + ": no such directory.");
    }
    Walker walker = new Walker(root, filter, matchers);
    Files.walkFileTree(root, walker);
    walker.files.sort(Comparator.comparing(f -> f.file().toString()));
    if (walker.pruned == 0) {
      for (String key : filter.keys()) {
        if (walker.keys.stream().noneMatch(k -> k.toLowerCase(Locale.ROOT).equals(key))) {
          throw new TransferException(
              "PARTITION_FILTER names '" + key + "', which is no directory level of " + source
                  + "; its levels are: " + (walker.keys.isEmpty() ? "none" : String.join(", ", walker.keys)) + ".");
        }
      }
    }
    return new DatasetListing(root, List.copyOf(walker.files), Set.copyOf(walker.keys), walker.pruned);
  }

  /** Whether a file or directory name is hidden from a dataset. */
  static boolean hidden(String name) {
    return name.startsWith(".") || (name.startsWith("_") && name.indexOf('=') < 0);
  }

  private static final class Walker extends SimpleFileVisitor<Path> {
    final Path root;
    final PartitionFilter filter;
    final List<PathMatcher> matchers;
    final List<DatasetFile> files = new ArrayList<>();
    final Set<String> keys = new TreeSet<>();
    long pruned;

    Walker(Path root, PartitionFilter filter, List<PathMatcher> matchers) {
      this.root = root;
      this.filter = filter;
      this.matchers = matchers;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      String name = dir.getFileName().toString();
      if (hidden(name)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      PathLevel level = PathLevel.of(name);
      if (level != null) {
        keys.add(level.key());
        if (!filter.accepts(level)) {
          pruned++;
          return FileVisitResult.SKIP_SUBTREE;
        }
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (!attrs.isRegularFile() || hidden(file.getFileName().toString())) {
        return FileVisitResult.CONTINUE;
      }
      Path relative = root.relativize(file);
      if (!matchers.isEmpty() && matchers.stream().noneMatch(m -> m.matches(relative))) {
        return FileVisitResult.CONTINUE;
      }
      List<PathLevel> levels = new ArrayList<>();
      for (int i = 0; i < relative.getNameCount() - 1; i++) {
        PathLevel level = PathLevel.of(relative.getName(i).toString());
        if (level != null) {
          levels.add(level);
        }
      }
      if (filter.acceptsAll(levels)) {
        files.add(new DatasetFile(file, levels));
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
