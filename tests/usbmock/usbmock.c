/* usbmock — see usbmock.h. An ioctl handler for emulated usbfs device nodes under umockdev. */
#define _GNU_SOURCE
#include "usbmock.h"

#include <umockdev.h>

#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    UMockdevIoctlData* urb;    /* the client's struct usbdevfs_urb (local copy, written back on reap) */
    UMockdevIoctlData* buffer; /* its transfer buffer */
    uint8_t type, ep;
    int status, actual;
    int done;
    int control_no_reply;
} Urb;

typedef struct {
    uint8_t ep;
    GBytes* data;
    gint64 not_before_us;
} InPacket;

struct UsbMockDevice {
    UsbMockBed* bed;
    UsbMockDeviceSpec spec;
    char *manufacturer, *product, *serial, *port;
    uint8_t* desc;
    size_t desc_len;
    UsbMockCallbacks cb;
    void* user;
    UMockdevIoctlBase* handler; /* handler of the current node */
    GPtrArray* old_handlers;    /* handlers of earlier (unplugged) nodes: kept until the bed goes */
    char devnode[64];
    char syspath[128];
    uint8_t address;
    int plugged;
    int mute;
    GList* urbs;      /* Urb*: submitted, not yet reaped (done ones in completion order) */
    GList* done_order;
    GQueue in_queue;  /* InPacket* */
    int control_count, in_delivered, claimed;
};

struct UsbMockBed {
    UMockdevTestbed* testbed;
    GRecMutex lock;
    GPtrArray* devices;
    uint8_t next_address;
    char* root_dir;
    int idle_reap_delay_us;
    int no_remove_uevent; /* like a system without udevd: nobody tells libusb that a stick was pulled */
    /* Deferred "nothing to reap" answers: completed by the delayer thread, so that umockdev's ioctl
     * thread stays free for the other devices' requests. */
    GMutex defer_lock;
    GCond defer_cond;
    GQueue deferred; /* Deferred* in due order */
    GThread* delayer;
    int stopping;
};

typedef struct {
    UMockdevIoctlClient* client;
    gint64 due_us;
} Deferred;

static gpointer delayer_main(gpointer data) {
    UsbMockBed* bed = data;
    g_mutex_lock(&bed->defer_lock);
    for (;;) {
        Deferred* d = g_queue_peek_head(&bed->deferred);
        if (!d) {
            if (bed->stopping) break;
            g_cond_wait(&bed->defer_cond, &bed->defer_lock);
            continue;
        }
        if (!bed->stopping && g_get_monotonic_time() < d->due_us) {
            g_cond_wait_until(&bed->defer_cond, &bed->defer_lock, d->due_us);
            continue;
        }
        g_queue_pop_head(&bed->deferred);
        g_mutex_unlock(&bed->defer_lock);
        umockdev_ioctl_client_complete(d->client, -1, EAGAIN);
        g_object_unref(d->client);
        g_free(d);
        g_mutex_lock(&bed->defer_lock);
    }
    g_mutex_unlock(&bed->defer_lock);
    return NULL;
}

static void defer_eagain(UsbMockBed* bed, UMockdevIoctlClient* client, int delay_us) {
    Deferred* d = g_new0(Deferred, 1);
    d->client = g_object_ref(client);
    d->due_us = g_get_monotonic_time() + delay_us;
    g_mutex_lock(&bed->defer_lock);
    g_queue_push_tail(&bed->deferred, d);
    g_cond_signal(&bed->defer_cond);
    g_mutex_unlock(&bed->defer_lock);
}

/* ---------- preload ---------- */

int usbmock_ensure_preload(int argc, char** argv) {
    (void)argc;
    const char* pre = getenv("LD_PRELOAD");
    if (pre && strstr(pre, "libumockdev-preload")) return 0;
    char* value = g_strdup_printf("libumockdev-preload.so.0%s%s", pre && *pre ? ":" : "", pre ? pre : "");
    setenv("LD_PRELOAD", value, 1);
    g_free(value);
    execv("/proc/self/exe", argv);
    fprintf(stderr, "usbmock: cannot re-execute with LD_PRELOAD: %s\n", strerror(errno));
    return -1;
}

/* ---------- descriptors ---------- */

static void put16(GByteArray* a, uint16_t v) {
    uint8_t b[2] = {(uint8_t)(v & 0xff), (uint8_t)(v >> 8)};
    g_byte_array_append(a, b, 2);
}

static void put(GByteArray* a, int n, ...) {
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; ++i) {
        uint8_t b = (uint8_t)va_arg(ap, int);
        g_byte_array_append(a, &b, 1);
    }
    va_end(ap);
}

static uint8_t* build_descriptors(const UsbMockDeviceSpec* s, size_t* len) {
    GByteArray* a = g_byte_array_new();
    put(a, 4, 18, 1, 0x00, 0x02);           /* bcdUSB 2.00 */
    put(a, 4, 0, 0, 0, 8);                  /* class, subclass, protocol, bMaxPacketSize0 */
    put16(a, s->vid);
    put16(a, s->pid);
    put16(a, s->bcd_device);
    put(a, 4, s->manufacturer ? 1 : 0, s->product ? 2 : 0, s->serial ? 3 : 0, 1);
    /* configuration */
    size_t cfg_at = a->len;
    put(a, 9, 9, 2, 0, 0, s->n_interfaces, 1, 0, 0x80, 50);
    for (int i = 0; i < s->n_interfaces; ++i) {
        const UsbMockInterface* in = &s->interfaces[i];
        int neps = (in->ep_in ? 1 : 0) + (in->ep_out ? 1 : 0);
        put(a, 9, 9, 4, i, 0, neps, in->iface_class, in->iface_subclass, in->iface_protocol, 0);
        if (in->iface_class == 3 && in->report_desc_len) {
            put(a, 6, 9, 0x21, 0x10, 0x01, 0, 1);
            put(a, 1, 0x22);
            put16(a, in->report_desc_len);
        }
        uint16_t mps = in->max_packet ? in->max_packet : 8;
        if (in->ep_in) { put(a, 4, 7, 5, in->ep_in, 3); put16(a, mps); put(a, 1, 10); }
        if (in->ep_out) { put(a, 4, 7, 5, in->ep_out, 3); put16(a, mps); put(a, 1, 10); }
    }
    uint16_t total = (uint16_t)(a->len - cfg_at);
    a->data[cfg_at + 2] = (uint8_t)(total & 0xff);
    a->data[cfg_at + 3] = (uint8_t)(total >> 8);
    *len = a->len;
    return g_byte_array_free(a, FALSE);
}

static char* hex(const uint8_t* d, size_t n) {
    GString* s = g_string_sized_new(n * 2 + 1);
    for (size_t i = 0; i < n; ++i) g_string_append_printf(s, "%02x", d[i]);
    return g_string_free(s, FALSE);
}

UsbMockDeviceSpec usbmock_hid_spec(uint16_t vid, uint16_t pid, int n_interfaces) {
    UsbMockDeviceSpec s;
    memset(&s, 0, sizeof s);
    s.vid = vid;
    s.pid = pid;
    s.bcd_device = 0x0100;
    s.port = "1";
    s.n_interfaces = n_interfaces < 1 ? 1 : (n_interfaces > 8 ? 8 : n_interfaces);
    for (int i = 0; i < s.n_interfaces; ++i) {
        s.interfaces[i].iface_class = 3;
        s.interfaces[i].iface_subclass = i == 0 ? 1 : 0;
        s.interfaces[i].iface_protocol = i == 0 ? 1 : 0;
        s.interfaces[i].ep_in = (uint8_t)(0x81 + i);
        s.interfaces[i].max_packet = 8;
        s.interfaces[i].report_desc_len = 32;
    }
    return s;
}

/* ---------- the ioctl handler ---------- */

static void finish_urb(UsbMockDevice* d, Urb* u, int status, int actual) {
    u->status = status;
    u->actual = actual;
    u->done = 1;
    d->done_order = g_list_append(d->done_order, u);
}

static void free_urb(Urb* u) {
    if (u->buffer) g_object_unref(u->buffer);
    if (u->urb) g_object_unref(u->urb);
    g_free(u);
}

/* Hands queued IN packets to pending IN URBs (lock held). */
static void pump_in(UsbMockDevice* d) {
    gint64 now = g_get_monotonic_time();
    for (GList* l = d->urbs; l; l = l->next) {
        Urb* u = l->data;
        if (u->done || u->type == USBDEVFS_URB_TYPE_CONTROL || !(u->ep & 0x80) || d->mute) continue;
        for (GList* q = d->in_queue.head; q; q = q->next) {
            InPacket* p = q->data;
            if (p->ep != u->ep) continue;
            if (p->not_before_us > now) break; /* keep order per endpoint */
            gsize n = 0;
            const uint8_t* src = g_bytes_get_data(p->data, &n);
            int cap = u->buffer ? u->buffer->data_len : 0;
            int take = (int)n < cap ? (int)n : cap;
            if (take > 0) memcpy(u->buffer->data, src, (size_t)take);
            finish_urb(d, u, 0, take);
            d->in_delivered++;
            g_queue_delete_link(&d->in_queue, q);
            g_bytes_unref(p->data);
            g_free(p);
            break;
        }
    }
}

static int string_descriptor(UsbMockDevice* d, uint8_t index, uint8_t* out, int cap) {
    uint8_t buf[256];
    int n;
    if (index == 0) {
        buf[0] = 4; buf[1] = 3; buf[2] = 0x09; buf[3] = 0x04;
        n = 4;
    } else {
        const char* s = index == 1 ? d->manufacturer : index == 2 ? d->product : index == 3 ? d->serial : NULL;
        if (!s) return USBMOCK_STALL;
        size_t len = strlen(s);
        if (len > 126) len = 126;
        buf[0] = (uint8_t)(2 + 2 * len);
        buf[1] = 3;
        for (size_t i = 0; i < len; ++i) { buf[2 + 2 * i] = (uint8_t)s[i]; buf[3 + 2 * i] = 0; }
        n = (int)(2 + 2 * len);
    }
    if (n > cap) n = cap;
    memcpy(out, buf, (size_t)n);
    return n;
}

/* Standard requests usbmock answers itself; returns 1 when handled. */
static int standard_control(UsbMockDevice* d, const uint8_t* setup, uint8_t* data, int len, int* result) {
    uint8_t type = setup[0], req = setup[1];
    uint16_t value = (uint16_t)(setup[2] | setup[3] << 8);
    if (type == 0x80 && req == 6) { /* GET_DESCRIPTOR (device recipient) */
        uint8_t dtype = (uint8_t)(value >> 8), idx = (uint8_t)(value & 0xff);
        if (dtype == 1) { int n = len < 18 ? len : 18; memcpy(data, d->desc, (size_t)n); *result = n; return 1; }
        if (dtype == 2) {
            int n = (int)d->desc_len - 18;
            if (n > len) n = len;
            memcpy(data, d->desc + 18, (size_t)n);
            *result = n;
            return 1;
        }
        if (dtype == 3) { *result = string_descriptor(d, idx, data, len); return 1; }
    }
    if (type == 0x00 && req == 9) { *result = 0; return 1; } /* SET_CONFIGURATION */
    if (type == 0x80 && req == 8) { if (len > 0) data[0] = 1; *result = len > 0 ? 1 : 0; return 1; }
    return 0;
}

static gboolean handle_ioctl_cb(UMockdevIoctlBase* handler, UMockdevIoctlClient* client, gpointer user) {
    UsbMockDevice* d = user;
    UsbMockBed* bed = d->bed;
    gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    (void)handler;

    g_rec_mutex_lock(&bed->lock);
    /* A node of an earlier plug-in (after unplug + replug) is gone for good. */
    int gone = !d->plugged || strcmp(umockdev_ioctl_client_get_devnode(client), d->devnode) != 0;
    gboolean handled = TRUE;

    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData* caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), NULL);
        *(guint32*)caps->data = USBDEVFS_CAP_BULK_SCATTER_GATHER | USBDEVFS_CAP_BULK_CONTINUATION |
                                USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_REAP_AFTER_DISCONNECT |
                                USBDEVFS_CAP_ZERO_PACKET;
        g_object_unref(caps);
        umockdev_ioctl_client_complete(client, 0, 0);
        break;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE: {
        if (gone) { umockdev_ioctl_client_complete(client, -1, ENODEV); break; }
        UMockdevIoctlData* n = umockdev_ioctl_data_resolve(arg, 0, sizeof(unsigned int), NULL);
        unsigned int iface = *(unsigned int*)n->data;
        g_object_unref(n);
        if (iface >= (unsigned)d->spec.n_interfaces) { umockdev_ioctl_client_complete(client, -1, EINVAL); break; }
        if (request == USBDEVFS_CLAIMINTERFACE) d->claimed |= 1 << iface;
        else d->claimed &= ~(1 << iface);
        umockdev_ioctl_client_complete(client, 0, 0);
        break;
    }
    case USBDEVFS_DISCONNECT_CLAIM: {
        if (gone) { umockdev_ioctl_client_complete(client, -1, ENODEV); break; }
        UMockdevIoctlData* n = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_disconnect_claim), NULL);
        unsigned int iface = ((struct usbdevfs_disconnect_claim*)n->data)->interface;
        g_object_unref(n);
        if (iface >= (unsigned)d->spec.n_interfaces) { umockdev_ioctl_client_complete(client, -1, EINVAL); break; }
        d->claimed |= 1 << iface;
        umockdev_ioctl_client_complete(client, 0, 0);
        break;
    }
    case USBDEVFS_GETDRIVER: /* no kernel driver bound */
        umockdev_ioctl_client_complete(client, -1, gone ? ENODEV : ENODATA);
        break;
    case USBDEVFS_IOCTL:      /* detach/attach kernel driver */
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP:
    case USBDEVFS_RESET:
        umockdev_ioctl_client_complete(client, gone ? -1 : 0, gone ? ENODEV : 0);
        break;

    case USBDEVFS_SUBMITURB: {
        if (gone) { umockdev_ioctl_client_complete(client, -1, ENODEV); break; }
        UMockdevIoctlData* urb_data = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), NULL);
        struct usbdevfs_urb* urb = (struct usbdevfs_urb*)urb_data->data;
        UMockdevIoctlData* buf = NULL;
        if (urb->buffer_length > 0)
            buf = umockdev_ioctl_data_resolve(urb_data, G_STRUCT_OFFSET(struct usbdevfs_urb, buffer),
                                              (gsize)urb->buffer_length, NULL);
        Urb* u = g_new0(Urb, 1);
        u->urb = urb_data;
        u->buffer = buf;
        u->type = urb->type;
        u->ep = urb->endpoint;
        d->urbs = g_list_append(d->urbs, u);
        umockdev_ioctl_client_complete(client, 0, 0);

        if (d->mute) break;
        if (u->type == USBDEVFS_URB_TYPE_CONTROL) {
            d->control_count++;
            if (!buf || buf->data_len < 8) { finish_urb(d, u, -EPIPE, 0); break; }
            uint8_t setup[8];
            memcpy(setup, buf->data, 8);
            int wlen = setup[6] | setup[7] << 8;
            int room = buf->data_len - 8;
            if (wlen > room) wlen = room;
            uint8_t* payload = buf->data + 8;
            int result = USBMOCK_STALL;
            if (!standard_control(d, setup, payload, wlen, &result) && d->cb.control)
                result = d->cb.control(d, setup, payload, wlen, d->user);
            if (result == USBMOCK_NO_REPLY) u->control_no_reply = 1;
            else if (result < 0) finish_urb(d, u, -EPIPE, 0);
            else finish_urb(d, u, 0, result > wlen ? wlen : result);
        } else if (u->ep & 0x80) {
            int has = 0;
            for (GList* q = d->in_queue.head; q; q = q->next)
                if (((InPacket*)q->data)->ep == u->ep) { has = 1; break; }
            if (!has && d->cb.in_wanted) d->cb.in_wanted(d, u->ep, d->user);
            pump_in(d);
        } else {
            int n = buf ? buf->data_len : 0;
            int r = d->cb.out ? d->cb.out(d, u->ep, buf ? buf->data : NULL, n, d->user) : n;
            if (r < 0) finish_urb(d, u, -EPIPE, 0);
            else finish_urb(d, u, 0, r > n ? n : r);
        }
        break;
    }

    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY: {
        pump_in(d);
        if (d->done_order) {
            Urb* u = d->done_order->data;
            d->done_order = g_list_delete_link(d->done_order, d->done_order);
            d->urbs = g_list_remove(d->urbs, u);
            struct usbdevfs_urb* urb = (struct usbdevfs_urb*)u->urb->data;
            urb->status = u->status;
            urb->actual_length = u->actual;
            UMockdevIoctlData* slot = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), NULL);
            umockdev_ioctl_data_set_ptr(slot, 0, u->urb);
            g_object_unref(slot);
            umockdev_ioctl_client_complete(client, 0, 0);
            free_urb(u);
        } else if (gone) {
            umockdev_ioctl_client_complete(client, -1, ENODEV);
        } else {
            /* Nothing to reap. umockdev's socket is always writable, so libusb's event loop polls again
             * at once: answering after a short pause keeps an idle open device from spinning a CPU core.
             * The answer comes from the delayer thread; umockdev's thread goes on serving other requests. */
            int delay = bed->idle_reap_delay_us;
            if (delay > 0) defer_eagain(bed, client, delay);
            else umockdev_ioctl_client_complete(client, -1, EAGAIN);
        }
        break;
    }

    case USBDEVFS_DISCARDURB: {
        gulong addr = arg->data_len >= (gint)sizeof(gpointer) ? *(gulong*)arg->data : 0;
        Urb* found = NULL;
        for (GList* l = d->urbs; l; l = l->next) {
            Urb* u = l->data;
            if (!u->done && u->urb->client_addr == addr) { found = u; break; }
        }
        if (found) {
            finish_urb(d, found, -ENOENT, 0);
            umockdev_ioctl_client_complete(client, 0, 0);
        } else {
            umockdev_ioctl_client_complete(client, -1, EINVAL);
        }
        break;
    }

    default:
        handled = FALSE;
        break;
    }
    g_rec_mutex_unlock(&bed->lock);
    return handled;
}

/* ---------- bed and devices ---------- */

UsbMockBed* usbmock_bed_new(void) {
    UsbMockBed* bed = g_new0(UsbMockBed, 1);
    g_rec_mutex_init(&bed->lock);
    bed->testbed = umockdev_testbed_new();
    bed->devices = g_ptr_array_new();
    bed->next_address = 2;
    bed->idle_reap_delay_us = 3000;
    g_mutex_init(&bed->defer_lock);
    g_cond_init(&bed->defer_cond);
    g_queue_init(&bed->deferred);
    bed->delayer = g_thread_new("usbmock-delayer", delayer_main, bed);
    bed->root_dir = umockdev_testbed_get_root_dir(bed->testbed);
    /* the root hub of bus 1 (libusb finds parents by sysfs name) */
    static const char hub[] =
        "P: /devices/usb1\n"
        "N: bus/usb/001/001\n"
        "E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DRIVER=usb\n"
        "E: BUSNUM=001\nE: DEVNUM=001\nE: DEVNAME=/dev/bus/usb/001/001\n"
        "A: busnum=1\\n\nA: devnum=1\\n\nA: idVendor=1d6b\\n\nA: idProduct=0002\\n\n"
        "A: bConfigurationValue=1\\n\nA: speed=480\\n\nA: dev=189:0\\n\n"
        "H: descriptors=12010002090001406b1d020006060302010109021900010100e0000904000001090000000705810304000c\n";
    GError* err = NULL;
    if (!umockdev_testbed_add_from_string(bed->testbed, hub, &err)) {
        fprintf(stderr, "usbmock: root hub: %s\n", err ? err->message : "?");
        g_clear_error(&err);
    }
    return bed;
}

const char* usbmock_bed_root_dir(UsbMockBed* bed) { return bed->root_dir; }

void usbmock_bed_set_idle_reap_delay_us(UsbMockBed* bed, int us) {
    g_rec_mutex_lock(&bed->lock);
    bed->idle_reap_delay_us = us < 0 ? 0 : us;
    g_rec_mutex_unlock(&bed->lock);
}

static void free_device(UsbMockDevice* d) {
    for (GList* l = d->urbs; l; l = l->next) free_urb(l->data);
    g_list_free(d->urbs);
    g_list_free(d->done_order);
    InPacket* p;
    while ((p = g_queue_pop_head(&d->in_queue))) { g_bytes_unref(p->data); g_free(p); }
    if (d->handler) g_object_unref(d->handler);
    g_ptr_array_free(d->old_handlers, TRUE);
    g_free(d->manufacturer); g_free(d->product); g_free(d->serial); g_free(d->port);
    g_free(d->desc);
    g_free(d);
}

void usbmock_bed_free(UsbMockBed* bed) {
    if (!bed) return;
    g_rec_mutex_lock(&bed->lock);
    GPtrArray* devs = bed->devices;
    bed->devices = NULL;
    g_rec_mutex_unlock(&bed->lock);
    g_mutex_lock(&bed->defer_lock);
    bed->stopping = 1; /* answer whatever is still deferred, then end */
    g_cond_signal(&bed->defer_cond);
    g_mutex_unlock(&bed->defer_lock);
    g_thread_join(bed->delayer);
    for (guint i = 0; i < devs->len; ++i) {
        UsbMockDevice* d = g_ptr_array_index(devs, i);
        if (d->plugged) umockdev_testbed_detach_ioctl(bed->testbed, d->devnode, NULL);
    }
    g_object_unref(bed->testbed);
    for (guint i = 0; i < devs->len; ++i) free_device(g_ptr_array_index(devs, i));
    g_ptr_array_free(devs, TRUE);
    g_free(bed->root_dir);
    g_mutex_clear(&bed->defer_lock);
    g_cond_clear(&bed->defer_cond);
    g_rec_mutex_clear(&bed->lock);
    g_free(bed);
}

/* Creates the node + sysfs entry for the device's current plug-in (lock NOT held: umockdev's ioctl
 * thread may need it). */
static int plug(UsbMockDevice* d) {
    UsbMockBed* bed = d->bed;
    g_rec_mutex_lock(&bed->lock);
    d->address = bed->next_address++;
    snprintf(d->devnode, sizeof d->devnode, "/dev/bus/usb/001/%03u", d->address);
    snprintf(d->syspath, sizeof d->syspath, "/sys/devices/usb1/1-%s", d->port);
    d->handler = umockdev_ioctl_base_new();
    g_signal_connect(d->handler, "handle-ioctl", G_CALLBACK(handle_ioctl_cb), d);
    g_rec_mutex_unlock(&bed->lock);

    GError* err = NULL;
    if (!umockdev_testbed_attach_ioctl(bed->testbed, d->devnode, d->handler, &err)) {
        fprintf(stderr, "usbmock: attach %s: %s\n", d->devnode, err ? err->message : "?");
        g_clear_error(&err);
        return -1;
    }
    char* hx = hex(d->desc, d->desc_len);
    GString* s = g_string_new(NULL);
    g_string_append_printf(s, "P: /devices/usb1/1-%s\nN: bus/usb/001/%03u\n", d->port, d->address);
    g_string_append_printf(s, "E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DRIVER=usb\nE: BUSNUM=001\n"
                              "E: DEVNUM=%03u\nE: DEVNAME=%s\nE: PRODUCT=%x/%x/%x\n",
                           d->address, d->devnode, d->spec.vid, d->spec.pid, d->spec.bcd_device);
    g_string_append_printf(s, "A: busnum=1\\n\nA: devnum=%u\\n\nA: idVendor=%04x\\n\nA: idProduct=%04x\\n\n"
                              "A: bConfigurationValue=1\\n\nA: speed=12\\n\nA: dev=189:%u\\n\n",
                           d->address, d->spec.vid, d->spec.pid, d->address - 1);
    if (d->serial) g_string_append_printf(s, "A: serial=%s\\n\n", d->serial);
    if (d->product) g_string_append_printf(s, "A: product=%s\\n\n", d->product);
    g_string_append_printf(s, "H: descriptors=%s\n", hx);
    g_free(hx);
    int ok = umockdev_testbed_add_from_string(bed->testbed, s->str, &err);
    g_string_free(s, TRUE);
    if (!ok) {
        fprintf(stderr, "usbmock: add %s: %s\n", d->syspath, err ? err->message : "?");
        g_clear_error(&err);
        return -1;
    }
    g_rec_mutex_lock(&bed->lock);
    d->plugged = 1;
    g_rec_mutex_unlock(&bed->lock);
    return 0;
}

UsbMockDevice* usbmock_device_add(UsbMockBed* bed, const UsbMockDeviceSpec* spec, const UsbMockCallbacks* cb,
                                  void* user) {
    UsbMockDevice* d = g_new0(UsbMockDevice, 1);
    d->bed = bed;
    d->spec = *spec;
    d->manufacturer = g_strdup(spec->manufacturer);
    d->product = g_strdup(spec->product);
    d->serial = g_strdup(spec->serial);
    d->port = g_strdup(spec->port ? spec->port : "1");
    d->spec.manufacturer = d->manufacturer;
    d->spec.product = d->product;
    d->spec.serial = d->serial;
    d->spec.port = d->port;
    if (cb) d->cb = *cb;
    d->user = user;
    d->old_handlers = g_ptr_array_new_with_free_func(g_object_unref);
    g_queue_init(&d->in_queue);
    if (spec->raw_descriptors && spec->raw_len >= 18) {
        d->desc = g_memdup2(spec->raw_descriptors, spec->raw_len);
        d->desc_len = spec->raw_len;
    } else {
        d->desc = build_descriptors(spec, &d->desc_len);
    }
    g_rec_mutex_lock(&bed->lock);
    g_ptr_array_add(bed->devices, d);
    g_rec_mutex_unlock(&bed->lock);
    if (plug(d) != 0) return NULL;
    return d;
}

void usbmock_device_queue_in(UsbMockDevice* d, uint8_t ep, const uint8_t* data, int len, int delay_ms) {
    g_rec_mutex_lock(&d->bed->lock);
    InPacket* p = g_new0(InPacket, 1);
    p->ep = ep;
    p->data = g_bytes_new(data, (gsize)(len > 0 ? len : 0));
    p->not_before_us = delay_ms > 0 ? g_get_monotonic_time() + (gint64)delay_ms * 1000 : 0;
    g_queue_push_tail(&d->in_queue, p);
    pump_in(d);
    g_rec_mutex_unlock(&d->bed->lock);
}

void usbmock_device_clear_in(UsbMockDevice* d) {
    g_rec_mutex_lock(&d->bed->lock);
    InPacket* p;
    while ((p = g_queue_pop_head(&d->in_queue))) { g_bytes_unref(p->data); g_free(p); }
    g_rec_mutex_unlock(&d->bed->lock);
}

void usbmock_device_set_mute(UsbMockDevice* d, int mute) {
    g_rec_mutex_lock(&d->bed->lock);
    d->mute = mute;
    g_rec_mutex_unlock(&d->bed->lock);
}

void usbmock_device_unplug(UsbMockDevice* d) {
    UsbMockBed* bed = d->bed;
    g_rec_mutex_lock(&bed->lock);
    if (!d->plugged) { g_rec_mutex_unlock(&bed->lock); return; }
    d->plugged = 0;
    /* like the kernel: every URB in flight completes with -ENODEV and can still be reaped */
    for (GList* l = d->urbs; l; l = l->next) {
        Urb* u = l->data;
        if (!u->done) finish_urb(d, u, -ENODEV, 0);
    }
    InPacket* p;
    while ((p = g_queue_pop_head(&d->in_queue))) { g_bytes_unref(p->data); g_free(p); }
    d->claimed = 0;
    char syspath[128];
    memcpy(syspath, d->syspath, sizeof syspath);
    /* the node's handler stays attached (the client may still hold the fd) until the bed goes */
    g_ptr_array_add(d->old_handlers, d->handler);
    d->handler = NULL;
    const int tell = !bed->no_remove_uevent;
    g_rec_mutex_unlock(&bed->lock);
    if (tell) umockdev_testbed_uevent(bed->testbed, syspath, "remove");
    umockdev_testbed_remove_device(bed->testbed, syspath);
}

int usbmock_device_replug(UsbMockDevice* d) {
    if (usbmock_device_plugged(d)) return 0;
    return plug(d);
}

int usbmock_device_plugged(UsbMockDevice* d) {
    g_rec_mutex_lock(&d->bed->lock);
    int r = d->plugged;
    g_rec_mutex_unlock(&d->bed->lock);
    return r;
}

uint8_t usbmock_device_address(UsbMockDevice* d) { return d->address; }
const char* usbmock_device_node(UsbMockDevice* d) { return d->devnode; }
void* usbmock_device_user(UsbMockDevice* d) { return d->user; }

int usbmock_device_control_count(UsbMockDevice* d) {
    g_rec_mutex_lock(&d->bed->lock);
    int r = d->control_count;
    g_rec_mutex_unlock(&d->bed->lock);
    return r;
}

int usbmock_device_in_delivered(UsbMockDevice* d) {
    g_rec_mutex_lock(&d->bed->lock);
    int r = d->in_delivered;
    g_rec_mutex_unlock(&d->bed->lock);
    return r;
}

int usbmock_device_claimed_mask(UsbMockDevice* d) {
    g_rec_mutex_lock(&d->bed->lock);
    int r = d->claimed;
    g_rec_mutex_unlock(&d->bed->lock);
    return r;
}

void usbmock_bed_set_remove_uevents(UsbMockBed* bed, int on) {
    g_rec_mutex_lock(&bed->lock);
    bed->no_remove_uevent = !on;
    g_rec_mutex_unlock(&bed->lock);
}
