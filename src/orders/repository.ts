import type { Customer, CustomerInput, Order, OrderStatus } from './types.ts';

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
  findCustomerByEmail(email: string): Promise<Customer | null>;
  findCustomersByName(firstName: string, lastName: string): Promise<Customer[]>;
  getOrder(number: string): Promise<Order | null>;
  listOrders(customerId: string): Promise<Order[]>;
  existingCustomerIds(ids: readonly string[]): Promise<Set<string>>;
  counts(): Promise<{ customers: number; orders: number; by_status: Partial<Record<OrderStatus, number>> }>;
}
