// PDF reader: poppler's pdftotext, run as a program. Linking poppler would make the binary GPL and
// pull in its shared libraries; the program keeps them apart. -layout keeps a table's columns apart
// with runs of spaces, which the layout stages read as cells.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.hpp"

extern char** environ;

namespace tasksplit::readers {

namespace {

/// Closes a file descriptor once.
struct Fd {
    int fd = -1;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) close(fd);
        fd = -1;
    }
};

/// Runs pdftotext with the PDF on its standard input; returns its exit status, its output and its
/// error output. The PDF goes through a socket, not a pipe: send() with MSG_NOSIGNAL reports a
/// pdftotext that quit early as an error instead of killing us with SIGPIPE.
int run_pdftotext(std::string_view pdf, std::string& out, std::string& err) {
    int in[2], o[2], e[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) throw UnreadableFormat(std::strerror(errno));
    Fd in_child{in[0]}, in_ours{in[1]};
    if (pipe2(o, O_CLOEXEC) != 0) throw UnreadableFormat(std::strerror(errno));
    Fd out_ours{o[0]}, out_child{o[1]};
    if (pipe2(e, O_CLOEXEC) != 0) throw UnreadableFormat(std::strerror(errno));
    Fd err_ours{e[0]}, err_child{e[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_child.fd, 0);
    posix_spawn_file_actions_adddup2(&actions, out_child.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_child.fd, 2);
    char* argv[] = {const_cast<char*>("pdftotext"), const_cast<char*>("-layout"), const_cast<char*>("-enc"),
                    const_cast<char*>("UTF-8"), const_cast<char*>("-"), const_cast<char*>("-"), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "pdftotext", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    in_child.reset();
    out_child.reset();
    err_child.reset();
    if (spawned == ENOENT)
        throw UnreadableFormat("reading a PDF needs pdftotext, which is not installed (Debian package poppler-utils)");
    if (spawned != 0) throw UnreadableFormat(std::string("cannot run pdftotext: ") + std::strerror(spawned));

    std::size_t sent = 0;
    if (pdf.empty()) shutdown(in_ours.fd, SHUT_WR);
    char buf[1 << 16];
    while (out_ours.fd >= 0 || err_ours.fd >= 0) {
        pollfd fds[3] = {{out_ours.fd, POLLIN, 0}, {err_ours.fd, POLLIN, 0}, {in_ours.fd, POLLOUT, 0}};
        if (sent >= pdf.size()) fds[2].fd = -1;
        if (poll(fds, 3, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[2].revents) {
            const ssize_t n = send(in_ours.fd, pdf.data() + sent, std::min<std::size_t>(pdf.size() - sent, sizeof buf),
                                   MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) sent += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || sent >= pdf.size()) {
                sent = pdf.size();
                in_ours.reset();  // end of the PDF, or pdftotext stopped reading
            }
        }
        for (int k = 0; k < 2; ++k) {
            if (!fds[k].revents) continue;
            Fd& fd = k == 0 ? out_ours : err_ours;
            const ssize_t n = read(fd.fd, buf, sizeof buf);
            if (n > 0) (k == 0 ? out : err).append(buf, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR) fd.reset();
        }
    }
    // Closed before waiting, so that a pdftotext left writing (poll failed) ends instead of blocking.
    in_ours.reset();
    out_ours.reset();
    err_ours.reset();
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string pdf_text(std::string_view bytes) {
    std::string out, err;
    if (const int status = run_pdftotext(bytes, out, err); status != 0) {
        std::string first = err.substr(0, err.find('\n'));
        throw UnreadableFormat("a PDF that pdftotext cannot read" + (first.empty() ? std::string() : " (" + first + ")"));
    }
    if (out.find_first_not_of(" \t\r\n\f") == std::string::npos)
        throw UnreadableFormat("a PDF without a text layer (a scan?): run OCR on it first (e.g. ocrmypdf IN.pdf OUT.pdf)");
    // pdftotext ends every page with a form feed: the page break becomes a blank line.
    std::string text;
    text.reserve(out.size());
    for (char c : out) text += c == '\f' ? '\n' : c;
    return text;
}

}  // namespace tasksplit::readers
