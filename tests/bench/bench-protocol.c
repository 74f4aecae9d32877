/* bench-protocol.c: the photo protocol against img2pdf, ImageMagick and the JPEG decoding floor.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-core.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <locale.h>
#include <unistd.h>

#include "../werk-test-images.c"

extern char **environ;

/*
 * The corpus is built from Debian's wallpapers (package mate-backgrounds, and desktop-base where
 * installed): phone-style 4032×3024 JPEGs stored for EXIF orientation 3, 6, 8 and 0, the
 * wallpapers themselves as JPEG, a progressive and a greyscale JPEG, and PNG "screenshots".
 * Every photo but the greyscale one carries a red marker top left and a blue one top right
 * (as seen upright), so that each tool's pages can be checked for upright photos.
 *
 * Each tool runs as a child process; wall time and peak memory (wait4's ru_maxrss) are its own.
 */

#define N_PHONE        16
#define N_REAL         14
#define N_PNG          8
#define PHONE_WIDTH    4032
#define PHONE_HEIGHT   3024
#define RENDER_SIZE    "500" /* pixels on a rendered page's long side, for the marker check */
#define A4_150DPI      "1240x1754"
#define MB             (1024.0 * 1024.0)
#define PEAK_MB_TARGET 200.0
#define N_TRIES        3 /* runs of each fast tool; the best counts */

static const char *const source_dirs[] = {
  "/usr/share/backgrounds/mate",
  "/usr/share/desktop-base",
};

static const int phone_orientations[] = { 3, 6, 8, 0 };

typedef struct
{
  char *path;
  gboolean jpeg;
  gboolean marked;
} Photo;

typedef struct
{
  double seconds;
  double peak_mb;
  gboolean ok;
} Run;

/* Children: wall time and peak memory */

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static pid_t
spawn (const char *const *argv)
{
  posix_spawn_file_actions_t actions;
  pid_t pid = -1;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  if (posix_spawnp (&pid, argv[0], &actions, NULL, (char *const *) argv, environ) != 0)
    pid = -1;
  posix_spawn_file_actions_destroy (&actions);
  return pid;
}

/* Waits for any child; adds its peak memory to @run. FALSE if none was left. */
static gboolean
reap (Run *run)
{
  struct rusage usage;
  int status = 0;
  pid_t pid = wait4 (-1, &status, 0, &usage);

  if (pid < 0)
    return FALSE;
  run->peak_mb = MAX (run->peak_mb, usage.ru_maxrss / 1024.0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    run->ok = FALSE;
  return TRUE;
}

/* Runs the commands, at most @parallel at a time; the time is the wall time of all. */
static Run
run_commands (GPtrArray *commands, guint parallel)
{
  Run run = { 0, 0, TRUE };
  double start = now ();
  guint running = 0;

  for (guint i = 0; i < commands->len; i++)
    {
      if (running == parallel && reap (&run))
        running--;
      if (spawn (g_ptr_array_index (commands, i)) < 0)
        run.ok = FALSE;
      else
        running++;
    }
  while (running > 0 && reap (&run))
    running--;
  run.seconds = now () - start;
  return run;
}

/*
 * Linux hands a parent's peak memory on to a child started by posix_spawn (the child's ru_maxrss
 * starts from it), and this program holds the whole corpus in memory while building it. So the
 * tools are started by a fresh, small copy of this program ("--run"), which reports back.
 */
static Run
measure (GPtrArray *commands, guint parallel)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *list = NULL, *out = NULL, *n = g_strdup_printf ("%u", parallel);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  int fd = g_file_open_tmp ("bench-protocol-run-XXXXXX", &list, &error);
  Run run = { 0, 0, FALSE };

  g_assert_no_error (error);
  close (fd);
  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *line = g_strjoinv ("\t", g_ptr_array_index (commands, i));

      g_string_append_printf (text, "%s\n", line);
    }
  g_file_set_contents (list, text->str, text->len, &error);
  g_assert_no_error (error);
  if (g_spawn_sync (NULL, (char *[]){ self, "--run", n, list, NULL }, NULL, 0, NULL, NULL, &out,
                    NULL, NULL, &error) &&
      out != NULL)
    run.ok = sscanf (out, "%lf %lf %d", &run.seconds, &run.peak_mb, &run.ok) == 3 && run.ok;
  g_unlink (list);
  return run;
}

static Run
run_one (const char *const *argv)
{
  g_autoptr (GPtrArray) commands = g_ptr_array_new ();

  g_ptr_array_add (commands, (gpointer) argv);
  return measure (commands, 1);
}

/* The helper: runs the commands listed in @path, one a line, arguments separated by tabs. */
static int
run_listed (guint parallel, const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Run run;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 1;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (commands, g_strsplit (lines[i], "\t", -1));
  run = run_commands (commands, MAX (parallel, 1));
  g_print ("%f %f %d\n", run.seconds, run.peak_mb, run.ok);
  return 0;
}

/* argv arrays that own their strings */
static char **
command (const char *first, ...)
{
  GPtrArray *argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (s));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return (char **) g_ptr_array_free (argv, FALSE);
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / MB : 0;
}

/* The corpus */

static gboolean
is_picture (const char *name, gboolean *jpeg)
{
  *jpeg = g_str_has_suffix (name, ".jpg") || g_str_has_suffix (name, ".jpeg");
  return *jpeg || g_str_has_suffix (name, ".png");
}

static void
find_sources (const char *dir, GPtrArray *jpegs, GPtrArray *pngs)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gboolean jpeg;
      int w = 0, h = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_sources (path, jpegs, pngs);
      else if (is_picture (name, &jpeg) && gdk_pixbuf_get_file_info (path, &w, &h) != NULL &&
               MIN (w, h) >= 900)
        g_ptr_array_add (jpeg ? jpegs : pngs, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The picture upright and opaque. */
static GdkPixbuf *
load_source (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) raw = gdk_pixbuf_new_from_file (path, &error);
  g_autoptr (GdkPixbuf) upright = NULL;
  GdkPixbuf *flat;
  int w, h;

  if (raw == NULL)
    g_error ("%s: %s", path, error->message);
  upright = gdk_pixbuf_apply_embedded_orientation (raw);
  if (!gdk_pixbuf_get_has_alpha (upright))
    return g_steal_pointer (&upright);
  w = gdk_pixbuf_get_width (upright);
  h = gdk_pixbuf_get_height (upright);
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (upright, flat, 0, 0, w, h, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return flat;
}

static gboolean
is_marker_red (const guint8 *p)
{
  return p[0] > 190 && p[1] < 60 && p[2] < 60;
}

static gboolean
is_marker_blue (const guint8 *p)
{
  return p[2] > 190 && p[0] < 60 && p[1] < 60;
}

/* Pushes any pixel that looks like a marker out of the markers' colour range. */
static void
sanitize (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf), n = gdk_pixbuf_get_n_channels (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + (gsize) x * n;

        if (p[0] > 150 && p[1] < 100 && p[2] < 100)
          p[1] = 120;
        if (p[2] > 150 && p[0] < 100 && p[1] < 100)
          p[1] = 120;
      }
}

static void
stamp (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int side = MIN (w, h) / 8, inset = MIN (w, h) / 40;

  sanitize (pixbuf);
  werk_test_fill_rect (pixbuf, inset, inset, side, side, WERK_TEST_RED);
  werk_test_fill_rect (pixbuf, w - inset - side, inset, side, side, WERK_TEST_BLUE);
}

/* Cropped and scaled to fill @width × @height, as a phone would have taken it. */
static GdkPixbuf *
cover (GdkPixbuf *pixbuf, int width, int height)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  double scale = MAX ((double) width / w, (double) height / h);
  int sw = MAX (width, (int) (w * scale + 0.5)), sh = MAX (height, (int) (h * scale + 0.5));
  g_autoptr (GdkPixbuf) scaled = gdk_pixbuf_scale_simple (pixbuf, sw, sh, GDK_INTERP_BILINEAR);
  GdkPixbuf *out = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);

  gdk_pixbuf_copy_area (scaled, (sw - width) / 2, (sh - height) / 2, width, height, out, 0, 0);
  return out;
}

static void
save_photo (GPtrArray *photos, const char *dir, const char *name, GBytes *bytes, gboolean jpeg,
            gboolean marked)
{
  g_autoptr (GError) error = NULL;
  Photo *photo = g_new0 (Photo, 1);

  photo->path = g_build_filename (dir, name, NULL);
  photo->jpeg = jpeg;
  photo->marked = marked;
  if (!g_file_set_contents (photo->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    g_error ("%s", error->message);
  g_ptr_array_add (photos, photo);
}

static void
add_phone_photo (GPtrArray *photos, const char *dir, const char *source, guint i)
{
  int orientation = phone_orientations[i % G_N_ELEMENTS (phone_orientations)];
  g_autoptr (GdkPixbuf) original = load_source (source);
  g_autoptr (GdkPixbuf) upright = cover (original, PHONE_WIDTH, PHONE_HEIGHT);
  g_autoptr (GdkPixbuf) stored = NULL;
  g_autoptr (GBytes) plain = NULL, jpeg = NULL;
  g_autofree char *name = g_strdup_printf ("phone-%02u-exif%d.jpg", i, orientation);

  stamp (upright);
  stored = werk_test_pixbuf_stored_for_orientation (upright, MAX (orientation, 1));
  plain = werk_test_jpeg_encode (stored, 90);
  jpeg = werk_test_jpeg_insert_exif (plain, orientation, FALSE);
  save_photo (photos, dir, name, jpeg, TRUE, TRUE);
}

static void
add_real_photo (GPtrArray *photos, const char *dir, const char *source, guint i)
{
  g_autoptr (GdkPixbuf) upright = load_source (source);
  g_autoptr (GBytes) jpeg = NULL;
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *name = g_strdup_printf ("real-%02u-%s", i, base);

  stamp (upright);
  jpeg = werk_test_jpeg_encode (upright, 92);
  save_photo (photos, dir, name, jpeg, TRUE, TRUE);
}

static void
add_odd_jpegs (GPtrArray *photos, const char *dir, const char *source)
{
  g_autoptr (GdkPixbuf) upright = load_source (source);
  g_autoptr (GBytes) baseline = NULL, progressive = NULL, grey = NULL;
  g_autoptr (GError) error = NULL;

  stamp (upright);
  baseline = werk_test_jpeg_encode (upright, 90);
  progressive = werk_test_jpeg_progressive (baseline, &error);
  if (progressive != NULL)
    save_photo (photos, dir, "progressive.jpg", progressive, TRUE, TRUE);
  else
    g_printerr ("no progressive JPEG: %s\n", error->message);
  g_clear_error (&error);
  grey = werk_test_jpeg_grey (upright, &error);
  if (grey != NULL)
    save_photo (photos, dir, "greyscale.jpg", grey, TRUE, FALSE);
  else
    g_printerr ("no greyscale JPEG: %s\n", error->message);
}

static void
add_png (GPtrArray *photos, const char *dir, const char *source, guint i)
{
  g_autoptr (GdkPixbuf) upright = load_source (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("screenshot-%02u.png", i);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  Photo *photo;

  stamp (upright);
  if (!gdk_pixbuf_save (upright, path, "png", &error, "compression", "6", NULL))
    g_error ("%s", error->message);
  photo = g_new0 (Photo, 1);
  photo->path = g_steal_pointer (&path);
  photo->marked = TRUE;
  g_ptr_array_add (photos, photo);
}

static void
photo_free (gpointer data)
{
  Photo *photo = data;

  g_free (photo->path);
  g_free (photo);
}

static GPtrArray *
build_corpus (const char *dir)
{
  g_autoptr (GPtrArray) jpegs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) pngs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *photos = g_ptr_array_new_with_free_func (photo_free);

  for (guint i = 0; i < G_N_ELEMENTS (source_dirs); i++)
    find_sources (source_dirs[i], jpegs, pngs);
  g_ptr_array_sort (jpegs, compare_paths);
  g_ptr_array_sort (pngs, compare_paths);
  if (jpegs->len < 4 || pngs->len < 2)
    return photos;
  for (guint i = 0; i < N_PHONE; i++)
    add_phone_photo (photos, dir, g_ptr_array_index (jpegs, i % jpegs->len), i);
  for (guint i = 0; i < N_REAL && i < jpegs->len; i++)
    add_real_photo (photos, dir, g_ptr_array_index (jpegs, i), i);
  add_odd_jpegs (photos, dir, g_ptr_array_index (jpegs, jpegs->len - 1));
  for (guint i = 0; i < N_PNG && i < pngs->len; i++)
    add_png (photos, dir, g_ptr_array_index (pngs, i), i);
  return photos;
}

/* The tools */

static char *workshop_id;

/* A .werkstatt file with @n photos of the corpus (round and round). */
static char *
make_store (const char *dir, const char *label, GPtrArray *photos, guint n)
{
  g_autofree char *name = g_strdup_printf ("%s-%u.werkstatt", label, n);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = werk_store_create (path, "Benchmark", &error);
  WerkRecord *workshop;

  g_assert_no_error (error);
  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Fotoprotokoll-Benchmark", NULL);
  g_assert_no_error (error);
  g_free (workshop_id);
  workshop_id = g_strdup (werk_record_get_id (workshop));
  for (guint i = 0; i < n; i++)
    {
      const Photo *photo = g_ptr_array_index (photos, i % photos->len);
      g_autoptr (GMappedFile) file = g_mapped_file_new (photo->path, FALSE, &error);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *base = g_path_get_basename (photo->path);
      WerkPhoto *added;

      g_assert_no_error (error);
      bytes = g_mapped_file_get_bytes (file);
      added = werk_store_add_photo (store, WERK_WORKSHOP (workshop), bytes, base, &error);
      g_assert_no_error (error);
      werk_record_set_string (WERK_RECORD (added), "caption", base, NULL);
    }
  werk_store_close (store);
  return path;
}

/* The fastest of a few runs: the machine may be busy with other work now and then. */
static Run
best_of (Run (*func) (gconstpointer), gconstpointer data)
{
  Run best = func (data);

  for (guint i = 1; i < N_TRIES && best.ok; i++)
    {
      Run run = func (data);

      best.seconds = MIN (best.seconds, run.seconds);
      best.peak_mb = MAX (best.peak_mb, run.peak_mb);
      best.ok = run.ok;
    }
  return best;
}

static Run
run_argv (gconstpointer argv)
{
  return run_one (argv);
}

static Run
run_werkstatt (const char *cli, const char *store, const char *pdf)
{
  const char *argv[] = { cli, "protocol", store, "--workshop", workshop_id, "-o", pdf, NULL };

  return best_of (run_argv, argv);
}

static Run
run_img2pdf (GPtrArray *photos, const char *pdf)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, "img2pdf");
  g_ptr_array_add (argv, "--auto-orient");
  /* Without it img2pdf refuses EXIF orientation 0, which phones do write. */
  g_ptr_array_add (argv, "--rotation=ifvalid");
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (gpointer) pdf);
  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (argv, ((Photo *) g_ptr_array_index (photos, i))->path);
  g_ptr_array_add (argv, NULL);
  return best_of (run_argv, argv->pdata);
}

/* Debian's policy forbids ImageMagick to write PDF, and a private policy cannot lift that (the
 * system's "none" still applies), so ImageMagick makes the pages as JPEG, A4 at 150 dpi, and
 * img2pdf binds them, passing the JPEGs through as ImageMagick's own PDF writer would. */
static Run
run_imagemagick (GPtrArray *photos, const char *dir, const char *pdf)
{
  g_autoptr (GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) bind = g_ptr_array_new_with_free_func (g_free);
  Run pages, binding;

  g_ptr_array_add (bind, g_strdup ("img2pdf"));
  g_ptr_array_add (bind, g_strdup ("-o"));
  g_ptr_array_add (bind, g_strdup (pdf));
  for (guint i = 0; i < photos->len; i++)
    {
      const Photo *photo = g_ptr_array_index (photos, i);
      g_autofree char *page = g_strdup_printf ("%s/magick-%02u.jpg", dir, i);

      g_ptr_array_add (commands, command ("convert", "-define", "jpeg:size=" A4_150DPI, photo->path,
                                          "-auto-orient", "-resize", A4_150DPI, "-quality", "80",
                                          "-density", "150", page, NULL));
      g_ptr_array_add (bind, g_steal_pointer (&page));
    }
  g_ptr_array_add (bind, NULL);
  pages = measure (commands, 1);
  binding = run_one ((const char *const *) bind->pdata);
  return (Run){ pages.seconds + binding.seconds, MAX (pages.peak_mb, binding.peak_mb),
                pages.ok && binding.ok };
}

static Run
run_parallel (gconstpointer commands)
{
  return measure ((GPtrArray *) commands, MIN (g_get_num_processors (), 2));
}

/* What decoding alone costs: djpeg at half size over the JPEGs, two at a time for two cores. */
static Run
run_decoding_floor (GPtrArray *photos)
{
  g_autoptr (GPtrArray) commands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < photos->len; i++)
    {
      const Photo *photo = g_ptr_array_index (photos, i);

      if (photo->jpeg)
        g_ptr_array_add (commands, command ("djpeg", "-scale", "1/2", "-outfile", "/dev/null",
                                            photo->path, NULL));
    }
  return best_of (run_parallel, commands);
}

/* Upright photos on the rendered pages */

typedef struct
{
  double x, y, size;
} Blob;

/* Connected areas of marker colour, as centres and sizes. */
static GArray *
find_blobs (GdkPixbuf *page, gboolean (*is_marker) (const guint8 *))
{
  int w = gdk_pixbuf_get_width (page), h = gdk_pixbuf_get_height (page);
  int stride = gdk_pixbuf_get_rowstride (page), n = gdk_pixbuf_get_n_channels (page);
  const guint8 *pixels = gdk_pixbuf_read_pixels (page);
  g_autofree guint8 *seen = g_new0 (guint8, (gsize) w * h);
  g_autofree int *stack = g_new (int, (gsize) w *h);
  GArray *blobs = g_array_new (FALSE, FALSE, sizeof (Blob));

  for (int start = 0; start < w * h; start++)
    {
      double sx = 0, sy = 0;
      int top = 0, count = 0;

      if (seen[start] || !is_marker (pixels + (gsize) (start / w) * stride + (start % w) * n))
        continue;
      seen[start] = 1;
      stack[top++] = start;
      while (top > 0)
        {
          int i = stack[--top], x = i % w, y = i / w;
          const int next[4] = { x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1,
                                y < h - 1 ? i + w : -1 };

          sx += x, sy += y, count++;
          for (int k = 0; k < 4; k++)
            if (next[k] >= 0 && !seen[next[k]] &&
                is_marker (pixels + (gsize) (next[k] / w) * stride + (next[k] % w) * n))
              {
                seen[next[k]] = 1;
                stack[top++] = next[k];
              }
        }
      if (count >= 9)
        g_array_append_val (blobs, ((Blob){ sx / count, sy / count, sqrt (count) }));
    }
  return blobs;
}

/* Upright, each red marker has its blue partner to its right at the same height. */
static guint
count_upright (GdkPixbuf *page, guint *n_photos)
{
  g_autoptr (GArray) red = find_blobs (page, is_marker_red);
  g_autoptr (GArray) blue = find_blobs (page, is_marker_blue);
  guint upright = 0;

  *n_photos += MAX (red->len, blue->len);
  for (guint i = 0; i < red->len; i++)
    {
      const Blob *r = &g_array_index (red, Blob, i);
      const Blob *nearest = NULL;
      double best = G_MAXDOUBLE;

      for (guint j = 0; j < blue->len; j++)
        {
          const Blob *b = &g_array_index (blue, Blob, j);
          double d = hypot (b->x - r->x, b->y - r->y);

          if (d < best)
            best = d, nearest = b;
        }
      if (nearest != NULL && nearest->x - r->x > r->size && fabs (nearest->y - r->y) < r->size / 2)
        upright++;
    }
  return upright;
}

static guint
check_upright (const char *pdf, const char *dir, guint *n_photos)
{
  g_autofree char *prefix = g_build_filename (dir, "render", NULL);
  g_autoptr (GDir) d = NULL;
  const char *name;
  guint upright = 0;
  Run render =
      run_one ((const char *[]){ "pdftoppm", "-png", "-scale-to", RENDER_SIZE, pdf, prefix, NULL });

  *n_photos = 0;
  if (!render.ok)
    return 0;
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GdkPixbuf) page = NULL;

      if (!g_str_has_prefix (name, "render"))
        continue;
      page = gdk_pixbuf_new_from_file (path, NULL);
      if (page != NULL)
        upright += count_upright (page, n_photos);
      g_unlink (path);
    }
  return upright;
}

/* Report */

typedef struct
{
  const char *name;
  Run run;
  double pdf_mb;
  guint upright;
  guint found;
} Result;

static void
print_result (const Result *r, guint n_marked)
{
  if (!r->run.ok)
    {
      g_print ("%-36s  failed\n", r->name);
      return;
    }
  g_print ("%-36s %8.2f %9.0f", r->name, r->run.seconds, r->run.peak_mb);
  if (r->pdf_mb > 0)
    g_print (" %9.1f", r->pdf_mb);
  if (n_marked > 0)
    g_print ("   %u/%u upright", r->upright, n_marked);
  g_print ("\n");
}

static Result
measure_pdf (const char *name, Run run, const char *pdf, const char *dir)
{
  Result r = { name, run, file_mb (pdf), 0, 0 };

  if (run.ok)
    r.upright = check_upright (pdf, dir, &r.found);
  return r;
}

static void
target (gboolean met, const char *what, const char *figure)
{
  g_print ("  %s %s: %s\n", met ? "✓" : "✗", what, figure);
}

static void
print_targets (const Result *werk, const Result *img2pdf, const Result *magick,
               const Result *werk_jpegs, const Result *floor)
{
  g_autofree char *speed = g_strdup_printf ("%.1f×", magick->run.seconds / werk->run.seconds);
  g_autofree char *decode = g_strdup_printf ("%.2f× the floor (%.2f s vs %.2f s, the same JPEGs)",
                                             werk_jpegs->run.seconds / floor->run.seconds,
                                             werk_jpegs->run.seconds, floor->run.seconds);
  g_autofree char *size =
      g_strdup_printf ("1/%.1f of img2pdf (%.1f MB vs %.1f MB)", img2pdf->pdf_mb / werk->pdf_mb,
                       werk->pdf_mb, img2pdf->pdf_mb);
  g_autofree char *memory = g_strdup_printf ("%.0f MB", werk->run.peak_mb);
  const char *failed = "not measured: a run failed";
  gboolean speed_ok = werk->run.ok && magick->run.ok;
  gboolean decode_ok = werk_jpegs->run.ok && floor->run.ok;
  gboolean size_ok = werk->run.ok && img2pdf->run.ok;

  g_print ("\nTargets (Werkstatt):\n");
  target (speed_ok && magick->run.seconds >= 8 * werk->run.seconds, "≥ 8× faster than ImageMagick",
          speed_ok ? speed : failed);
  target (decode_ok && werk_jpegs->run.seconds <= 1.5 * floor->run.seconds,
          "within 1.5× of the decoding floor on both cores", decode_ok ? decode : failed);
  target (size_ok && werk->pdf_mb * 7 <= img2pdf->pdf_mb, "PDF ≤ 1/7 of img2pdf's",
          size_ok ? size : failed);
  target (werk->run.ok && werk->run.peak_mb < PEAK_MB_TARGET, "peak memory < 200 MB",
          werk->run.ok ? memory : failed);
}

static void
print_corpus (GPtrArray *photos)
{
  double mb = 0;
  guint jpegs = 0;

  for (guint i = 0; i < photos->len; i++)
    {
      const Photo *photo = g_ptr_array_index (photos, i);

      mb += file_mb (photo->path);
      jpegs += photo->jpeg;
    }
  g_print ("Photo protocol benchmark: %u photos, %.0f MB (%u phone-style %d×%d with EXIF 3, 6, 8, "
           "0; wallpaper JPEGs; a progressive and a greyscale JPEG; %u PNG screenshots), %u "
           "cores\n\n",
           photos->len, mb, N_PHONE, PHONE_WIDTH, PHONE_HEIGHT, photos->len - jpegs,
           g_get_num_processors ());
  g_print ("%-36s %8s %9s %9s   %s\n", "", "wall s", "peak MB", "PDF MB", "pages checked");
}

static guint
count_marked (GPtrArray *photos)
{
  guint n = 0;

  for (guint i = 0; i < photos->len; i++)
    n += ((Photo *) g_ptr_array_index (photos, i))->marked;
  return n;
}

/* The photos' JPEGs wait in a temporary file until the PDF is written, not in memory: beyond the
 * decoders' working set, peak memory grows only by the document's own objects for each photo. */
static void
print_memory_growth (const char *cli, const char *dir, GPtrArray *photos)
{
  const guint counts[] = { 10, 40, 160, 320 };

  g_print ("\nWerkstatt's peak memory by number of photos:\n");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *store = make_store (dir, "growth", photos, counts[i]);
      g_autofree char *pdf = g_strdup_printf ("%s/growth-%u.pdf", dir, counts[i]);
      Run run = run_werkstatt (cli, store, pdf);

      if (run.ok)
        g_print ("  %3u photos: %6.2f s, peak %4.0f MB, PDF %5.1f MB\n", counts[i], run.seconds,
                 run.peak_mb, file_mb (pdf));
      else
        g_print ("  %3u photos: failed\n", counts[i]);
      g_unlink (store);
      g_unlink (pdf);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
have_tools (const char *cli)
{
  const char *tools[] = { "img2pdf", "convert", "djpeg", "pdftoppm", "jpegtran" };

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("werkstatt-cli not found (set WERKSTATT_CLI); benchmark skipped\n");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_print ("%s is not installed; benchmark skipped\n", tools[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
jpegs_only (GPtrArray *photos)
{
  GPtrArray *jpegs = g_ptr_array_new ();

  for (guint i = 0; i < photos->len; i++)
    if (((Photo *) g_ptr_array_index (photos, i))->jpeg)
      g_ptr_array_add (jpegs, g_ptr_array_index (photos, i));
  return jpegs;
}

/* Werkstatt on the JPEGs alone, which is what djpeg's floor decodes. */
static Result
measure_floor_pair (const char *cli, const char *dir, GPtrArray *photos, Result *floor)
{
  g_autoptr (GPtrArray) jpegs = jpegs_only (photos);
  g_autofree char *store = make_store (dir, "jpeg", jpegs, jpegs->len);
  g_autofree char *pdf = g_build_filename (dir, "werkstatt-jpeg.pdf", NULL);
  Result werk = { "Werkstatt, the JPEGs alone", run_werkstatt (cli, store, pdf), file_mb (pdf) };

  *floor = (Result){ "djpeg -scale 1/2, 2 at a time (floor)", run_decoding_floor (photos) };
  return werk;
}

int
main (int argc, char **argv)
{
  const char *cli = argc > 1 ? argv[1] : g_getenv ("WERKSTATT_CLI");
  g_autofree char *dir = NULL, *corpus_dir = NULL, *work = NULL, *store = NULL;
  g_autofree char *werk_pdf = NULL, *img2pdf_pdf = NULL, *magick_pdf = NULL;
  g_autoptr (GPtrArray) photos = NULL;
  Result werk, img2pdf, magick, werk_jpegs, floor;
  guint n_marked;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--run"))
    return run_listed ((guint) g_ascii_strtoull (argv[2], NULL, 10), argv[3]);
  if (!have_tools (cli))
    return 0;
  dir = g_dir_make_tmp ("bench-protocol-XXXXXX", NULL);
  corpus_dir = g_build_filename (dir, "corpus", NULL);
  work = g_build_filename (dir, "work", NULL);
  werk_pdf = g_build_filename (dir, "werkstatt.pdf", NULL);
  img2pdf_pdf = g_build_filename (dir, "img2pdf.pdf", NULL);
  magick_pdf = g_build_filename (dir, "imagemagick.pdf", NULL);
  g_mkdir (corpus_dir, 0700);
  g_mkdir (work, 0700);
  photos = build_corpus (corpus_dir);
  if (photos->len == 0)
    {
      g_print ("No wallpapers found: install mate-backgrounds; benchmark skipped\n");
      remove_tree (dir);
      return 0;
    }
  store = make_store (dir, "all", photos, photos->len);
  n_marked = count_marked (photos);
  print_corpus (photos);

  werk = measure_pdf ("Werkstatt (two photos per page)", run_werkstatt (cli, store, werk_pdf),
                      werk_pdf, work);
  print_result (&werk, n_marked);
  img2pdf =
      measure_pdf ("img2pdf --auto-orient", run_img2pdf (photos, img2pdf_pdf), img2pdf_pdf, work);
  print_result (&img2pdf, n_marked);
  magick = measure_pdf ("ImageMagick (A4 150 dpi q80) + img2pdf",
                        run_imagemagick (photos, work, magick_pdf), magick_pdf, work);
  print_result (&magick, n_marked);
  werk_jpegs = measure_floor_pair (cli, dir, photos, &floor);
  print_result (&werk_jpegs, 0);
  print_result (&floor, 0);

  print_targets (&werk, &img2pdf, &magick, &werk_jpegs, &floor);
  print_memory_growth (cli, dir, photos);
  if (g_getenv ("WERK_BENCH_KEEP") != NULL)
    g_print ("\nKept %s\n", dir);
  else
    remove_tree (dir);
  return 0;
}
