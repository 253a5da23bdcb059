/*
 * Continuo test guest: a tiny 32-bit multiboot (v1) kernel for QEMU/libvirt integration tests.
 *
 * It sets up COM1 (0x3F8, 115200 8N1) and prints, on a line of its own,
 *     CONTINUO-GUEST-BOOTED <command line>\n
 * where <command line> is the multiboot command line without its first word (boot loaders,
 * QEMU's -kernel included, pass the image path first, like argv[0]). Then it prints
 *     CONTINUO-GUEST-HEARTBEAT <n>\n
 * once a second (n = 1, 2, ...), driven by the PIT at 20 Hz and `hlt` in between, so an idle
 * guest costs next to no host CPU even under TCG, and a paused guest visibly stops counting.
 * A CPU exception prints CONTINUO-GUEST-FAULT <vector> and halts for good.
 *
 * Built with `as --32` and `ld -m elf_i386 -T link.ld`; no C, no libc.
 */

        .set MB_MAGIC,      0x1BADB002
        .set MB_FLAGS,      0x00000003          /* bit 0: page-align modules, bit 1: memory info */
        .set MB_CHECKSUM,   -(MB_MAGIC + MB_FLAGS)
        .set MB_BOOT_MAGIC, 0x2BADB002          /* in %eax when a multiboot loader jumps to us */
        .set MB_INFO_CMDLINE, 0x04              /* multiboot info flags bit 2: cmdline valid */

        .set COM1,          0x3F8
        .set PIC1_CMD,      0x20
        .set PIC1_DATA,     0x21
        .set PIC2_CMD,      0xA0
        .set PIC2_DATA,     0xA1
        .set PIT_CH0,       0x40
        .set PIT_CMD,       0x43
        .set PIT_DIVISOR,   59659               /* 1193182 Hz / 59659 = 20.000 Hz */
        .set TICKS_PER_SECOND, 20

        .set CODE_SELECTOR, 0x08
        .set DATA_SELECTOR, 0x10
        .set IDT_ENTRIES,   48                  /* 32 exceptions + 16 remapped IRQs */

        .section .multiboot, "a"
        .balign 4
        .long MB_MAGIC
        .long MB_FLAGS
        .long MB_CHECKSUM

        .section .bss
        .balign 16
stack_bottom:
        .skip 16384
stack_top:
idt:
        .skip IDT_ENTRIES * 8
ticks:
        .skip 4
seconds:
        .skip 4
number_buffer:
        .skip 12

        .section .rodata
gdt:
        .quad 0x0000000000000000                /* null */
        .quad 0x00CF9A000000FFFF                /* 0x08: flat 4 GiB code, ring 0, 32-bit */
        .quad 0x00CF92000000FFFF                /* 0x10: flat 4 GiB data, ring 0 */
gdt_end:
gdt_descriptor:
        .word gdt_end - gdt - 1
        .long gdt
idt_descriptor:
        .word IDT_ENTRIES * 8 - 1
        .long idt
booted_text:
        .asciz "CONTINUO-GUEST-BOOTED"
heartbeat_text:
        .asciz "CONTINUO-GUEST-HEARTBEAT "
no_multiboot_text:
        .asciz "CONTINUO-GUEST-NO-MULTIBOOT"
fault_text:
        .asciz "CONTINUO-GUEST-FAULT "

        .section .note.GNU-stack, "", @progbits

        .section .text
        .code32
        .globl _start
_start:
        cli
        cld
        movl $stack_top, %esp
        movl %eax, %esi                         /* keep the boot magic and info pointer */
        movl %ebx, %edi

        /* The loader's GDT is not ours to rely on (multiboot spec 3.2): load a flat one. */
        lgdt gdt_descriptor
        ljmp $CODE_SELECTOR, $reload_segments
reload_segments:
        movw $DATA_SELECTOR, %ax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %fs
        movw %ax, %gs
        movw %ax, %ss
        movl $stack_top, %esp

        call serial_init

        cmpl $MB_BOOT_MAGIC, %esi
        je 1f
        movl $no_multiboot_text, %esi
        call serial_puts
        movb $'\n', %al
        call serial_putc
        jmp halt_forever
1:
        /* Start on a fresh line: the firmware leaves "Booting from ROM.." unterminated. */
        movb $'\n', %al
        call serial_putc
        movl $booted_text, %esi
        call serial_puts
        testl $MB_INFO_CMDLINE, (%edi)
        jz 4f
        movl 16(%edi), %esi                     /* multiboot_info.cmdline */
        testl %esi, %esi
        jz 4f
        /* Skip the image path (first word), then the blanks after it. */
2:      movb (%esi), %al
        testb %al, %al
        jz 4f
        cmpb $' ', %al
        je 3f
        incl %esi
        jmp 2b
3:      movb (%esi), %al
        cmpb $' ', %al
        jne 5f
        incl %esi
        jmp 3b
5:      testb %al, %al
        jz 4f
        pushl %esi
        movb $' ', %al
        call serial_putc
        popl %esi
        call serial_puts
4:
        movb $'\n', %al
        call serial_putc

        call idt_init
        call pic_init
        call pit_init

heartbeat_loop:
        cli
        cmpl $TICKS_PER_SECOND, ticks
        jae 6f
        sti                                     /* sti's one-instruction shadow: no lost wakeup */
        hlt
        jmp heartbeat_loop
6:
        subl $TICKS_PER_SECOND, ticks
        incl seconds
        sti
        movl $heartbeat_text, %esi
        call serial_puts
        movl seconds, %eax
        call serial_put_decimal
        movb $'\n', %al
        call serial_putc
        jmp heartbeat_loop

halt_forever:
        cli
        hlt
        jmp halt_forever

/* COM1: 115200 baud (divisor 1), 8 data bits, no parity, 1 stop bit, FIFO on, no interrupts. */
serial_init:
        movw $COM1 + 1, %dx
        movb $0x00, %al                         /* IER: no interrupts */
        outb %al, %dx
        movw $COM1 + 3, %dx
        movb $0x80, %al                         /* LCR: DLAB on */
        outb %al, %dx
        movw $COM1 + 0, %dx
        movb $0x01, %al                         /* divisor low byte */
        outb %al, %dx
        movw $COM1 + 1, %dx
        movb $0x00, %al                         /* divisor high byte */
        outb %al, %dx
        movw $COM1 + 3, %dx
        movb $0x03, %al                         /* LCR: 8N1, DLAB off */
        outb %al, %dx
        movw $COM1 + 2, %dx
        movb $0xC7, %al                         /* FCR: enable + clear FIFOs, 14-byte threshold */
        outb %al, %dx
        movw $COM1 + 4, %dx
        movb $0x03, %al                         /* MCR: DTR + RTS */
        outb %al, %dx
        ret

/* Writes %al to COM1 once the transmit holding register is empty. Clobbers %edx, %ah. */
serial_putc:
        movb %al, %ah
        movw $COM1 + 5, %dx
1:      inb %dx, %al
        testb $0x20, %al
        jz 1b
        movb %ah, %al
        movw $COM1, %dx
        outb %al, %dx
        ret

/* Writes the NUL-terminated string at %esi. Clobbers %eax, %edx, %esi. */
serial_puts:
1:      movb (%esi), %al
        testb %al, %al
        jz 2f
        call serial_putc
        incl %esi
        jmp 1b
2:      ret

/* Writes %eax in decimal. Clobbers %eax, %ecx, %edx, %esi. */
serial_put_decimal:
        movl $number_buffer + 11, %esi
        movb $0, (%esi)
        movl $10, %ecx
1:      xorl %edx, %edx
        divl %ecx
        addb $'0', %dl
        decl %esi
        movb %dl, (%esi)
        testl %eax, %eax
        jnz 1b
        jmp serial_puts

/* Interrupt gates: 0-31 exceptions, 32 the PIT (IRQ 0), 33-47 the other (masked) IRQs. */
idt_init:
        xorl %ecx, %ecx
1:      cmpl $32, %ecx
        jb 2f
        movl $timer_handler, %eax
        cmpl $32, %ecx
        je 3f
        movl $spurious_handler, %eax
        jmp 3f
2:      movl $exception_stubs, %eax
        leal (%eax, %ecx, 8), %eax              /* each stub is 8 bytes */
3:      leal idt(, %ecx, 8), %edx
        movw %ax, (%edx)                        /* handler offset 15:0 */
        movw $CODE_SELECTOR, 2(%edx)
        movw $0x8E00, 4(%edx)                   /* present, ring 0, 32-bit interrupt gate */
        shrl $16, %eax
        movw %ax, 6(%edx)                       /* handler offset 31:16 */
        incl %ecx
        cmpl $IDT_ENTRIES, %ecx
        jb 1b
        lidt idt_descriptor
        ret

/* 8259 PICs: IRQ 0-7 -> vectors 32-39, IRQ 8-15 -> 40-47; only IRQ 0 (the PIT) unmasked. */
pic_init:
        movb $0x11, %al                         /* ICW1: init, ICW4 follows */
        outb %al, $PIC1_CMD
        outb %al, $PIC2_CMD
        movb $0x20, %al                         /* ICW2: vector offsets */
        outb %al, $PIC1_DATA
        movb $0x28, %al
        outb %al, $PIC2_DATA
        movb $0x04, %al                         /* ICW3: slave on IRQ 2 */
        outb %al, $PIC1_DATA
        movb $0x02, %al
        outb %al, $PIC2_DATA
        movb $0x01, %al                         /* ICW4: 8086 mode */
        outb %al, $PIC1_DATA
        outb %al, $PIC2_DATA
        movb $0xFE, %al                         /* masks */
        outb %al, $PIC1_DATA
        movb $0xFF, %al
        outb %al, $PIC2_DATA
        ret

/* PIT channel 0, mode 3 (square wave), 20 Hz. */
pit_init:
        movb $0x36, %al
        outb %al, $PIT_CMD
        movw $PIT_DIVISOR, %ax
        outb %al, $PIT_CH0
        movb %ah, %al
        outb %al, $PIT_CH0
        ret

timer_handler:
        pushl %eax
        incl ticks
        movb $0x20, %al                         /* EOI to the master PIC */
        outb %al, $PIC1_CMD
        popl %eax
        iret

/* Masked IRQs only arrive as spurious IRQ 7/15, which must not be acknowledged. */
spurious_handler:
        iret

/* One 8-byte stub per exception vector: push the vector number, jump to the common code. */
        .balign 8
exception_stubs:
        .set vector, 0
        .rept 32
        .balign 8
        pushl $vector
        jmp exception_common
        .set vector, vector + 1
        .endr

exception_common:
        cli
        movl $fault_text, %esi
        call serial_puts
        popl %eax
        call serial_put_decimal
        movb $'\n', %al
        call serial_putc
        jmp halt_forever
