// bench_free_port: prints a TCP port on 127.0.0.1 that is free right now
// (bound to port 0, read back, released), for servers without --port 0.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

int main() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        std::perror("bench_free_port");
        close(fd);
        return 1;
    }
    std::printf("%u\n", static_cast<unsigned>(ntohs(addr.sin_port)));
    close(fd);
    return 0;
}
