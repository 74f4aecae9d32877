/* bench-first-frame.c: time from process start to the first painted frame, Werkstatt with the demo
 * open beside a bare libadwaita window on the same machine. Prints figures; never fails on time.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "werk-application.h"

#define RUNS         7
#define TARGET_RATIO 1.5

/* ---- in the child: report the first frame and leave ---- */

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  /* The parent's clock stops when this line arrives; tearing down is not part of the figure. */
  fputs ("painted\n", stdout);
  fflush (stdout);
  _exit (0);
}

static void
window_realize_cb (GtkWidget *window, gpointer data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb),
                    NULL);
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, gpointer data)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

static void
bare_activate_cb (GtkApplication *app, gpointer data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hallo"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode, const char *file)
{
  g_autoptr (GtkApplication) app = NULL;
  char *argv[] = { (char *) "bench-first-frame", (char *) file, NULL };

  if (g_str_equal (mode, "bare"))
    {
      app = GTK_APPLICATION (
          adw_application_new ("app.werkstatt.BenchBare", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  else
    {
      app = GTK_APPLICATION (werk_application_new ());
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), file ? 2 : 1, argv);
}

/* ---- in the parent: start children and time them ---- */

static double
time_child (const char *self, const char *mode, const char *file)
{
  const char *argv[] = { self, "--child", mode, file, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int out_fd;
  gint64 start, end;
  char buf[64];
  gssize n;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    g_error ("Can't start %s: %s", self, error->message);
  n = read (out_fd, buf, sizeof buf - 1);
  end = g_get_monotonic_time ();
  close (out_fd);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  if (n <= 0 || strncmp (buf, "painted", 7) != 0)
    {
      g_printerr ("%s child painted nothing\n", mode);
      return -1;
    }
  return (end - start) / 1000.0;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double median, min, max;
} Figures;

static Figures
measure (const char *self, const char *mode, const char *file)
{
  double runs[RUNS];
  Figures f;

  /* One run first that is not counted: it fills the disk cache for both alike. */
  time_child (self, mode, file);
  for (int i = 0; i < RUNS; i++)
    runs[i] = time_child (self, mode, file);
  qsort (runs, RUNS, sizeof runs[0], compare_doubles);
  f.median = runs[RUNS / 2];
  f.min = runs[0];
  f.max = runs[RUNS - 1];
  return f;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *self = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  Figures bare, app;

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    {
      adw_init ();
      return run_child (argv[2], argc > 3 ? argv[3] : NULL);
    }

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("werk-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  demo = g_build_filename (dir, "Demo Kirchberg.werkstatt", NULL);
  store = werk_application_create_demo (demo, &error);
  if (store == NULL)
    g_error ("The demo can't be written: %s", error->message);
  werk_store_close (store);

  bare = measure (self, "bare", NULL);
  app = measure (self, "app", demo);

  printf ("Time to the first frame (process start to the frame clock's after-paint), "
          "%d runs each, GSK_RENDERER=%s\n",
          RUNS, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
  printf ("%-36s %10s %10s %10s\n", "", "median ms", "min ms", "max ms");
  printf ("%-36s %10.1f %10.1f %10.1f\n", "bare libadwaita window", bare.median, bare.min,
          bare.max);
  printf ("%-36s %10.1f %10.1f %10.1f\n", "Werkstatt with the demo open", app.median, app.min,
          app.max);
  printf ("ratio of the medians: %.2f× (target ≤ %.1f×)%s\n", app.median / bare.median,
          TARGET_RATIO, app.median / bare.median <= TARGET_RATIO ? "" : "  — above the target");

  g_unlink (demo);
  {
    g_autofree char *wal = g_strconcat (demo, "-wal", NULL);
    g_autofree char *shm = g_strconcat (demo, "-shm", NULL);
    g_autofree char *data = g_build_filename (dir, "werkstatt", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (data);
  }
  g_rmdir (dir);
  return 0;
}
