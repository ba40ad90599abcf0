import type { ReactNode } from 'react';
import { Table } from 'design-react-kit';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row: rendered as <th scope="row">. */
  isRowHeader?: boolean;
  /** Right-align numbers. */
  isNumeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Keep the caption for screen readers only when a visible heading already says the same. */
  isCaptionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  emptyText?: ReactNode;
  /** Extra content rendered after a row (e.g. an expanded detail row). */
  renderAfterRow?: (row: Row) => ReactNode;
}

/** A responsive table with a caption, column headers and a row header, as screen readers expect. */
export function DataTable<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  rowKey,
  emptyText,
  renderAfterRow,
}: DataTableProps<Row>) {
  return (
    <div className="table-responsive">
      <Table hover size="sm" className="data-table">
        <caption className={isCaptionHidden ? 'visually-hidden' : 'caption-top'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.isNumeric ? 'text-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyText ? (
            <tr>
              <td colSpan={columns.length}>{emptyText}</td>
            </tr>
          ) : (
            rows.map((row) => {
              const key = rowKey(row);
              return (
                <RowFragment key={key}>
                  <tr>
                    {columns.map((column) => {
                      const className = column.isNumeric ? 'text-end' : undefined;
                      return column.isRowHeader ? (
                        <th key={column.key} scope="row" className={className}>
                          {column.cell(row)}
                        </th>
                      ) : (
                        <td key={column.key} className={className}>
                          {column.cell(row)}
                        </td>
                      );
                    })}
                  </tr>
                  {renderAfterRow?.(row)}
                </RowFragment>
              );
            })
          )}
        </tbody>
      </Table>
    </div>
  );
}

function RowFragment({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
