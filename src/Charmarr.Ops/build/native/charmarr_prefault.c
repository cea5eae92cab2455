/*
 * Linked into every charm binary that Charmarr.Ops's build targets publish with Native AOT (Linux only).
 *
 * At every start a Native AOT program expands ("rehydrates") its type data into the zero-filled tail of its
 * writable segment: about 3 MB for a charm, written page by page, so ~750 page faults before Main runs, most of a
 * hook's start-up faults. One madvise(MADV_POPULATE_WRITE) (Linux 5.14+) maps the same pages in a single call before
 * the runtime starts: the same memory, without the faults (one fault costs several microseconds, far more in some
 * virtual machines). On an older kernel the call fails with EINVAL and the program starts as it would have.
 * CHARMARR_PREFAULT=0 in the environment skips it (the benchmark measures start-up both ways).
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* A zero-filled tail larger than this is not the runtime's type data: leave it to demand paging. */
#define CHARMARR_PREFAULT_LIMIT ((uintptr_t)64 << 20)

static int charmarr_prefault_program(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }

        uintptr_t start = info->dlpi_addr + segment->p_vaddr + segment->p_filesz;
        uintptr_t end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
        start = (start + page - 1) & ~(page - 1);
        end = (end + page - 1) & ~(page - 1);
        if (end > start && end - start <= CHARMARR_PREFAULT_LIMIT)
        {
            (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
        }
    }

    /* The first object dl_iterate_phdr reports is the program itself; its libraries are left alone. */
    return 1;
}

__attribute__((constructor)) static void charmarr_prefault(void)
{
    const char *setting = getenv("CHARMARR_PREFAULT");
    if (setting != NULL && strcmp(setting, "0") == 0)
    {
        return;
    }

    dl_iterate_phdr(charmarr_prefault_program, NULL);
}
