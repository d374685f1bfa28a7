package io.cqlp.transfer.dataset;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.Locations;
import io.cqlp.storage.Storage;
import io.cqlp.transfer.TargetLocations;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files of a dataset that COPY FROM reads: every file under a directory, recursively, or the
 * files a glob matches, less what PARTITION_FILTER prunes.
 *
 * <p>Names starting with {@code .} and names starting with {@code _} that have no {@code =} are
 * skipped, files and directories alike (Spark's rule: {@code _SUCCESS}, {@code .crc} files, {@code
 * _temporary}, cqlp's hidden staging names). A directory level that the filter rejects is skipped
 * whole: nothing under it is listed or opened. Symbolic links are not followed. Files are listed in
 * path order, so SKIPROWS and MAXROWS count rows in that order.
 *
 * <p>The same walk serves local directories and object-store prefixes ({@code s3://b/flights/}): in
 * an object store each directory visited is one listing request (ListObjectsV2 with the delimiter
 * {@code /}), so a pruned directory costs no request at all.
 *
 * <p>A glob ({@code *}, {@code ?}, {@code [..]} or <code>{..}</code> in the path) is matched with
 * {@link java.nio.file.FileSystem#getPathMatcher} glob syntax below the longest directory without
 * glob characters, which is then the dataset's root; {@code **} crosses directories and a leading
 * <code>**&#47;</code> also matches files right in the root.
 *
 * @param root the dataset's root directory
 * @param files the files to read, in path order
 * @param keys every partition key seen in the directories visited, as named
 * @param pruned the directories skipped by the filter
 */
public record DatasetListing(
    Location root, List<DatasetFile> files, Set<String> keys, long pruned) {

  /**
   * Whether a COPY FROM source names a dataset: it ends with {@code /}, is a directory (a prefix
   * with objects below it), or holds glob characters and is not an existing file.
   *
   * @param location the source, resolved
   * @param typed the source as typed
   * @throws IOException if an object store cannot be asked
   */
  public static boolean isDataset(Location location, String typed) throws IOException {
    return Locations.endsAsDirectory(typed)
        || location.isDirectory()
        || (hasGlob(typed) && !location.isFile());
  }

  /** As {@link #isDataset(Location, String)} for a local path as typed. */
  public static boolean isDataset(String source) throws IOException {
    return isDataset(Locations.resolve(source), source);
  }

  private static boolean hasGlob(String text) {
    return text.indexOf('*') >= 0
        || text.indexOf('?') >= 0
        || text.indexOf('[') >= 0
        || text.indexOf('{') >= 0;
  }

  /** As {@link #list(String, PartitionFilter, Options)} without object-store options. */
  public static DatasetListing list(String source, PartitionFilter filter) throws IOException {
    return list(source, filter, Options.empty());
  }

  /**
   * Lists a dataset.
   *
   * @param source a directory (local or {@code s3://bucket/prefix/}), or a path with glob
   *     characters
   * @param filter the PARTITION_FILTER (or {@link PartitionFilter#none()})
   * @param options the statement's options (the object-store settings)
   * @return the listing
   * @throws TransferException if the directory does not exist, or the filter names a key that no
   *     directory level has (checked when the filter pruned nothing, so the whole tree was seen)
   * @throws IOException if a directory cannot be listed
   */
  public static DatasetListing list(String source, PartitionFilter filter, Options options)
      throws IOException {
    String root = source;
    List<PathMatcher> matchers = new ArrayList<>();
    boolean objectStore = Locations.isObjectStore(source);
    String separator = objectStore ? "/" : File.separator;
    if (hasGlob(source)) {
      String[] parts = source.split(Pattern.quote(separator), -1);
      int firstGlob = 0;
      while (!hasGlob(parts[firstGlob])) {
        firstGlob++;
      }
      String base = String.join(separator, Arrays.copyOfRange(parts, 0, firstGlob));
      String pattern = String.join(separator, Arrays.copyOfRange(parts, firstGlob, parts.length));
      root = base.isEmpty() ? (source.startsWith(separator) ? separator : ".") : base;
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      if (pattern.startsWith("**" + separator)) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    Location dir =
        objectStore
            ? TargetLocations.resolve(root, options)
            : Location.local(Path.of(root).toAbsolutePath().normalize());
    Walker walker = new Walker(filter, matchers);
    try {
      if (dir.isLocal() && !dir.isDirectory()) {
        throw new FileNotFoundException(source);
      }
      walker.visit(dir, "");
    } catch (FileNotFoundException e) {
      throw new TransferException("Cannot read " + source + ": no such directory.");
    }
    walker.files.sort(Comparator.comparing(f -> f.file().path()));
    if (walker.pruned == 0) {
      for (String key : filter.keys()) {
        if (walker.keys.stream().noneMatch(k -> k.toLowerCase(Locale.ROOT).equals(key))) {
          throw new TransferException(
              "PARTITION_FILTER names '"
                  + key
                  + "', which is no directory level of "
                  + source
                  + "; its levels are: "
                  + (walker.keys.isEmpty() ? "none" : String.join(", ", walker.keys))
                  + ".");
        }
      }
    }
    return new DatasetListing(
        dir, List.copyOf(walker.files), Set.copyOf(walker.keys), walker.pruned);
  }

  /** Whether a file or directory name is hidden from a dataset. */
  static boolean hidden(String name) {
    return name.startsWith(".") || (name.startsWith("_") && name.indexOf('=') < 0);
  }

  /** Visits a directory tree in its storage, pruning what the filter rejects. */
  private static final class Walker {
    final PartitionFilter filter;
    final List<PathMatcher> matchers;
    final List<DatasetFile> files = new ArrayList<>();
    final Set<String> keys = new TreeSet<>();
    long pruned;

    Walker(PartitionFilter filter, List<PathMatcher> matchers) {
      this.filter = filter;
      this.matchers = matchers;
    }

    /**
     * @param dir the directory
     * @param relative its path below the root, ending with {@code /} unless empty
     */
    void visit(Location dir, String relative) throws IOException {
      for (Storage.Entry entry : dir.list()) {
        String name = entry.location().name();
        if (hidden(name)) {
          continue;
        }
        if (entry.directory()) {
          PathLevel level = PathLevel.of(name);
          if (level != null) {
            keys.add(level.key());
            if (!filter.accepts(level)) {
              pruned++;
              continue;
            }
          }
          visit(entry.location(), relative + name + "/");
        } else {
          file(entry, relative + name);
        }
      }
    }

    private void file(Storage.Entry entry, String relative) {
      Path path = Path.of(relative);
      if (!matchers.isEmpty() && matchers.stream().noneMatch(m -> m.matches(path))) {
        return;
      }
      List<PathLevel> levels = new ArrayList<>();
      for (int i = 0; i < path.getNameCount() - 1; i++) {
        PathLevel level = PathLevel.of(path.getName(i).toString());
        if (level != null) {
          levels.add(level);
        }
      }
      if (filter.acceptsAll(levels)) {
        files.add(new DatasetFile(entry.location(), entry.size(), levels));
      }
    }
  }
}
