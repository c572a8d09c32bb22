/* usbmock — a reusable umockdev test bed for USB device code (sensors, HID POS scanners, …).
 *
 * The code under test uses the REAL libusb; umockdev's preload library redirects /sys, /dev and ioctl()
 * of the emulated device nodes into this process, where an ioctl handler written in C answers the usbfs
 * requests libusb makes (GET_CAPABILITIES, CLAIM/RELEASE INTERFACE, SUBMITURB, REAPURBNDELAY, DISCARDURB …).
 * Control URBs go to a callback; interrupt/bulk IN URBs are answered from a per-endpoint queue that the
 * device model (or the test) fills at any time; OUT URBs go to a callback.
 *
 * How to use it (C or C++):
 *   1. The test program must run with LD_PRELOAD=libumockdev-preload.so.0. Call
 *      usbmock_ensure_preload(argc, argv) first thing in main(): it re-executes the program with the
 *      preload set when it is missing (works under ctest / gtest_discover_tests with no wrapper).
 *   2. bed = usbmock_bed_new();                       // empty test bed with a root hub on bus 1
 *      UsbMockDeviceSpec spec = usbmock_hid_spec(0x413d, 0x2107, 2); // or fill one by hand
 *      spec.port = "2"; spec.product = "TEMPer"; …
 *      UsbMockDevice* dev = usbmock_device_add(bed, &spec, &callbacks, user);
 *   3. Only then create the libusb context (or keep one running: it sees new devices by hotplug/rescan).
 *   4. In the control callback answer control requests (return the reply length, USBMOCK_STALL or
 *      USBMOCK_NO_REPLY); queue interrupt IN replies with usbmock_device_queue_in().
 *   5. usbmock_device_unplug(dev) simulates pulling the stick (pending and new I/O fails with ENODEV,
 *      the device leaves sysfs); usbmock_device_replug(dev) plugs it back at the same port (new address).
 *      usbmock_device_set_mute(dev, 1) makes a stick that accepts requests and never answers.
 *   6. usbmock_bed_free(bed) at the end (after the libusb context is gone).
 *
 * Threading: callbacks run on umockdev's ioctl thread, never on the caller's thread. All usbmock_*
 * functions are thread-safe; callbacks may call usbmock_device_queue_in() (not add/unplug/replug).
 * Standard GET_DESCRIPTOR requests (device, configuration, string) are answered by usbmock itself from the
 * spec; everything else (HID class requests, vendor requests, HID report descriptors) reaches the callback.
 */
#ifndef ARCHIVE_TESTS_USBMOCK_H
#define ARCHIVE_TESTS_USBMOCK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct UsbMockBed UsbMockBed;
typedef struct UsbMockDevice UsbMockDevice;

/* Return values of a control callback besides a reply length >= 0. */
#define USBMOCK_STALL (-1)    /* the URB completes with -EPIPE (libusb: LIBUSB_ERROR_PIPE) */
#define USBMOCK_NO_REPLY (-2) /* the URB never completes: libusb times out and cancels it */

typedef struct {
    uint8_t iface_class;    /* 3 = HID */
    uint8_t iface_subclass; /* 1 = boot */
    uint8_t iface_protocol; /* 1 = keyboard, 2 = mouse, 0 = none */
    uint8_t ep_in;          /* e.g. 0x81; 0 = none */
    uint8_t ep_out;         /* e.g. 0x02; 0 = none */
    uint16_t max_packet;    /* wMaxPacketSize of the endpoints */
    uint16_t report_desc_len; /* HID: wDescriptorLength of the report descriptor (0 = no HID descriptor) */
} UsbMockInterface;

typedef struct {
    uint16_t vid, pid, bcd_device;
    const char* manufacturer; /* NULL = no string */
    const char* product;
    const char* serial;       /* NULL = the stick has no serial number (identity must come from the port) */
    const char* port;         /* port chain below root hub 1: "2" → sysfs 1-2, "1.3" → 1-1.3 */
    int n_interfaces;         /* 1..8 */
    UsbMockInterface interfaces[8];
    /* Optional: raw device+configuration descriptors used instead of the built ones. */
    const uint8_t* raw_descriptors;
    size_t raw_len;
} UsbMockDeviceSpec;

typedef struct {
    /* setup: the 8-byte setup packet. For an IN request (setup[0] & 0x80) write up to wLength bytes into
     * data and return how many; for OUT, data holds wLength bytes from the host; return wLength (or any
     * count >= 0). Or return USBMOCK_STALL / USBMOCK_NO_REPLY. NULL callback → every request stalls. */
    int (*control)(UsbMockDevice* dev, const uint8_t setup[8], uint8_t* data, int len, void* user);
    /* An interrupt/bulk OUT transfer. Return the number of bytes accepted, or USBMOCK_STALL. */
    int (*out)(UsbMockDevice* dev, uint8_t ep, const uint8_t* data, int len, void* user);
    /* Called when an IN URB is submitted on an endpoint whose queue is empty (optional): the device may
     * queue a reply now (usbmock_device_queue_in) or leave the URB pending. */
    void (*in_wanted)(UsbMockDevice* dev, uint8_t ep, void* user);
} UsbMockCallbacks;

/* Re-executes the program with LD_PRELOAD=libumockdev-preload.so.0 when it is not preloaded yet.
 * Returns only when the preload is active (or when re-exec failed: then returns -1). */
int usbmock_ensure_preload(int argc, char** argv);

UsbMockBed* usbmock_bed_new(void);
void usbmock_bed_free(UsbMockBed* bed);
const char* usbmock_bed_root_dir(UsbMockBed* bed); /* the test bed's temporary root */
/* umockdev's device sockets always poll writable, so libusb's event thread keeps asking "anything to
 * reap?" while a device is open. Each empty answer is given after this pause (default 3000 µs), from a
 * helper thread, so umockdev's ioctl thread keeps serving the other requests. An idle open device then
 * costs a few % of a core instead of a whole one. With many open devices libusb sweeps them one after the
 * other, so one event-loop pass takes about (open devices × pause): for 50 devices polled every second use
 * ~300 µs (bench_sensors_usb does), for a handful the default is fine. */
void usbmock_bed_set_idle_reap_delay_us(UsbMockBed* bed, int us);
/* 0: unplugging sends no "remove" uevent, as on a system without udevd (libusb's device list then keeps
 * the pulled stick). umockdev always announces added devices, so a replug is still announced. Default 1. */
void usbmock_bed_set_remove_uevents(UsbMockBed* bed, int on);

/* A HID device with n interfaces: interface i has ep_in 0x81+i, 8-byte packets, a 32-byte report
 * descriptor, interface 0 a boot keyboard (as on the TEMPer sticks). Strings are NULL; port "1". */
UsbMockDeviceSpec usbmock_hid_spec(uint16_t vid, uint16_t pid, int n_interfaces);

/* Adds (plugs in) a device. The spec's strings are copied. Returns NULL on failure (message on stderr). */
UsbMockDevice* usbmock_device_add(UsbMockBed* bed, const UsbMockDeviceSpec* spec, const UsbMockCallbacks* cb,
                                  void* user);
/* Queues one IN packet on endpoint ep (e.g. 0x82); it completes the oldest pending IN URB of that
 * endpoint, or waits for the next one. delay_ms > 0: not delivered before that many ms from now. */
void usbmock_device_queue_in(UsbMockDevice* dev, uint8_t ep, const uint8_t* data, int len, int delay_ms);
/* Drops every queued, not yet delivered IN packet. */
void usbmock_device_clear_in(UsbMockDevice* dev);
/* 1: accept every URB and never complete it (a stuck stick); 0: normal. */
void usbmock_device_set_mute(UsbMockDevice* dev, int mute);
void usbmock_device_unplug(UsbMockDevice* dev);
int usbmock_device_replug(UsbMockDevice* dev); /* 0 on success */
int usbmock_device_plugged(UsbMockDevice* dev);
uint8_t usbmock_device_address(UsbMockDevice* dev);
const char* usbmock_device_node(UsbMockDevice* dev); /* "/dev/bus/usb/001/005" */
/* Counters for assertions: control URBs submitted, IN packets delivered, claims of any interface. */
int usbmock_device_control_count(UsbMockDevice* dev);
int usbmock_device_in_delivered(UsbMockDevice* dev);
int usbmock_device_claimed_mask(UsbMockDevice* dev); /* bit i = interface i currently claimed */
void* usbmock_device_user(UsbMockDevice* dev);

#ifdef __cplusplus
}
#endif

#endif
