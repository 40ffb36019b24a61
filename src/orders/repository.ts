import type { Customer, CustomerInput, Order, OrderStatus } from './types.ts';

/** Who completed a checkout, as they typed it: nothing here is verified. */
export interface GuestBuyer {
  order_number: string;
  email: string;
  first_name: string;
  last_name: string;
  phone?: string;
  locale: string;
}

/** The guest record of an order placed through checkout (the same id on every replica and retry). */
export const guestCustomerId = (orderNumber: string) => `cus_guest_${orderNumber.trim().toUpperCase()}`;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Storage of customers and orders. Async so a PostgreSQL implementation fits behind the same callers. */
export interface OrdersRepository {
  upsertCustomers(customers: readonly CustomerInput[]): Promise<WriteCounts>;
  /** Creates or replaces whole orders (items, payments, fulfillments) in one transaction. */
  upsertOrders(orders: readonly Order[]): Promise<WriteCounts>;
  getCustomer(id: string): Promise<Customer | null>;
  /** The customer record of one checkout order; never an existing account. */
  addGuestCustomer(guest: GuestBuyer): Promise<Customer>;
  findCustomerByEmail(email: string): Promise<Customer | null>;
  /** Whether any order (an account's or a guest checkout's) was placed with this email. */
  hasOrdersByEmail(email: string): Promise<boolean>;
  findCustomersByName(firstName: string, lastName: string): Promise<Customer[]>;
  getOrder(number: string): Promise<Order | null>;
  listOrders(customerId: string): Promise<Order[]>;
  existingCustomerIds(ids: readonly string[]): Promise<Set<string>>;
  counts(): Promise<{ customers: number; orders: number; by_status: Partial<Record<OrderStatus, number>> }>;
}
