/*
 * A service that announces itself over sd_notify, for the supervisor's tests. Arguments, in order:
 *   KEY=VALUE[\n...]  send this datagram to $NOTIFY_SOCKET ("\n" in the argument is a newline)
 *   +MS               sleep MS milliseconds
 *   every:MS:TEXT     from now on, send TEXT every MS milliseconds, forever
 *   fd:TEXT           write TEXT and a newline to the descriptor named by $NOTIFY_FD (s6 style)
 *   exit:N            exit with N
 *   wait:PATH         wait until the file PATH exists
 *   env:NAME          print NAME=<its value>
 * After the last argument it waits for a signal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static void nap(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void send_text(const char *text) {
    const char *path = getenv("NOTIFY_SOCKET");
    if (path == NULL) {
        fprintf(stderr, "no NOTIFY_SOCKET\n");
        exit(2);
    }
    char msg[4096];
    size_t n = 0;
    for (const char *p = text; *p && n < sizeof msg - 1; p++) {
        if (p[0] == '\\' && p[1] == 'n') {
            msg[n++] = '\n';
            p++;
        } else {
            msg[n++] = *p;
        }
    }
    struct sockaddr_un addr = {0};
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || sendto(fd, msg, n, 0, (struct sockaddr *) &addr, sizeof addr) < 0) {
        perror("sendto");
        exit(2);
    }
    close(fd);
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '+') {
            nap(atol(a + 1));
        } else if (strncmp(a, "wait:", 5) == 0) {
            while (access(a + 5, F_OK) != 0) {
                nap(10);
            }
        } else if (strncmp(a, "env:", 4) == 0) {
            const char *v = getenv(a + 4);
            printf("%s=%s\n", a + 4, v == NULL ? "(unset)" : v);
        } else if (strncmp(a, "exit:", 5) == 0) {
            return atoi(a + 5);
        } else if (strncmp(a, "fd:", 3) == 0) {
            const char *nf = getenv("NOTIFY_FD");
            int fd = nf == NULL ? -1 : atoi(nf);
            if (fd < 0 || dprintf(fd, "%s\n", a + 3) < 0) {
                perror("notify fd");
                return 2;
            }
        } else if (strncmp(a, "every:", 6) == 0) {
            long ms = atol(a + 6);
            const char *text = strchr(a + 6, ':');
            for (;;) {
                send_text(text == NULL ? "WATCHDOG=1" : text + 1);
                nap(ms);
            }
        } else {
            send_text(a);
        }
        printf("done %s\n", a);
    }
    for (;;) {
        pause();
    }
}
