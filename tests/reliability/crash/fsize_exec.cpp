// fsize_exec LIMIT PROGRAM [ARG...]: runs PROGRAM with a file size limit of
// LIMIT bytes (RLIMIT_FSIZE) and SIGXFSZ ignored, so that a write past the
// limit fails with EFBIG, as a write to a full disk fails with ENOSPC. For
// the disk-full test where a small tmpfs cannot be mounted (not root).
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fsize_exec LIMIT_BYTES PROGRAM [ARG...]\n");
        return 2;
    }
    const rlim_t limit = std::strtoull(argv[1], nullptr, 10);
    const rlimit r{limit, limit};
    if (setrlimit(RLIMIT_FSIZE, &r) != 0) {
        std::perror("fsize_exec: setrlimit");
        return 126;
    }
    std::signal(SIGXFSZ, SIG_IGN);  // stays ignored across exec
    execv(argv[2], argv + 2);
    std::perror("fsize_exec: exec");
    return 127;
}
