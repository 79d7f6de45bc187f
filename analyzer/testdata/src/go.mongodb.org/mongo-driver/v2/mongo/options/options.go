// Package options is a test stub of go.mongodb.org/mongo-driver/v2/mongo/options.
package options

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

type Lister[T any] interface {
	List() []func(*T) error
}

type Collation struct {
	Locale          string `bson:",omitempty"`
	CaseLevel       bool   `bson:",omitempty"`
	CaseFirst       string `bson:",omitempty"`
	Strength        int    `bson:",omitempty"`
	NumericOrdering bool   `bson:",omitempty"`
	Alternate       string `bson:",omitempty"`
	MaxVariable     string `bson:",omitempty"`
	Normalization   bool   `bson:",omitempty"`
	Backwards       bool   `bson:",omitempty"`
}

type CursorType int8

const (
	NonTailable CursorType = iota
	Tailable
	TailableAwait
)

type ReturnDocument int8

const (
	Before ReturnDocument = iota
	After
)

// Client, database and collection options.

type ClientOptions struct{}

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }

type DatabaseOptions struct{}

type DatabaseOptionsBuilder struct {
	Opts []func(*DatabaseOptions) error
}

func Database() *DatabaseOptionsBuilder { return &DatabaseOptionsBuilder{} }

func (d *DatabaseOptionsBuilder) List() []func(*DatabaseOptions) error { return d.Opts }

type CollectionOptions struct{}

type CollectionOptionsBuilder struct {
	Opts []func(*CollectionOptions) error
}

func Collection() *CollectionOptionsBuilder { return &CollectionOptionsBuilder{} }

func (c *CollectionOptionsBuilder) List() []func(*CollectionOptions) error { return c.Opts }

// UpdateOne.

type UpdateOneOptions struct {
	ArrayFilters             []any
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  any
	Hint                     any
	Upsert                   *bool
	Let                      any
	Sort                     any
}

type UpdateOneOptionsBuilder struct {
	Opts []func(*UpdateOneOptions) error
}

func UpdateOne() *UpdateOneOptionsBuilder { return &UpdateOneOptionsBuilder{} }

func (uo *UpdateOneOptionsBuilder) List() []func(*UpdateOneOptions) error { return uo.Opts }

func (uo *UpdateOneOptionsBuilder) SetArrayFilters(af []any) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetBypassDocumentValidation(b bool) *UpdateOneOptionsBuilder {
	return uo
}

func (uo *UpdateOneOptionsBuilder) SetCollation(c *Collation) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetComment(comment any) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetHint(h any) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetUpsert(b bool) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetLet(l any) *UpdateOneOptionsBuilder { return uo }

func (uo *UpdateOneOptionsBuilder) SetSort(s any) *UpdateOneOptionsBuilder { return uo }

// UpdateMany.

type UpdateManyOptions struct {
	ArrayFilters             []any
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  any
	Hint                     any
	Upsert                   *bool
	Let                      any
}

type UpdateManyOptionsBuilder struct {
	Opts []func(*UpdateManyOptions) error
}

func UpdateMany() *UpdateManyOptionsBuilder { return &UpdateManyOptionsBuilder{} }

func (uo *UpdateManyOptionsBuilder) List() []func(*UpdateManyOptions) error { return uo.Opts }

func (uo *UpdateManyOptionsBuilder) SetArrayFilters(af []any) *UpdateManyOptionsBuilder {
	return uo
}

func (uo *UpdateManyOptionsBuilder) SetBypassDocumentValidation(b bool) *UpdateManyOptionsBuilder {
	return uo
}

func (uo *UpdateManyOptionsBuilder) SetCollation(c *Collation) *UpdateManyOptionsBuilder {
	return uo
}

func (uo *UpdateManyOptionsBuilder) SetComment(comment any) *UpdateManyOptionsBuilder { return uo }

func (uo *UpdateManyOptionsBuilder) SetHint(h any) *UpdateManyOptionsBuilder { return uo }

func (uo *UpdateManyOptionsBuilder) SetUpsert(b bool) *UpdateManyOptionsBuilder { return uo }

func (uo *UpdateManyOptionsBuilder) SetLet(l any) *UpdateManyOptionsBuilder { return uo }

// Replace.

type ReplaceOptions struct {
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  any
	Hint                     any
	Upsert                   *bool
	Let                      any
	Sort                     any
}

type ReplaceOptionsBuilder struct {
	Opts []func(*ReplaceOptions) error
}

func Replace() *ReplaceOptionsBuilder { return &ReplaceOptionsBuilder{} }

func (ro *ReplaceOptionsBuilder) List() []func(*ReplaceOptions) error { return ro.Opts }

func (ro *ReplaceOptionsBuilder) SetBypassDocumentValidation(b bool) *ReplaceOptionsBuilder {
	return ro
}

func (ro *ReplaceOptionsBuilder) SetCollation(c *Collation) *ReplaceOptionsBuilder { return ro }

func (ro *ReplaceOptionsBuilder) SetComment(comment any) *ReplaceOptionsBuilder { return ro }

func (ro *ReplaceOptionsBuilder) SetHint(h any) *ReplaceOptionsBuilder { return ro }

func (ro *ReplaceOptionsBuilder) SetUpsert(b bool) *ReplaceOptionsBuilder { return ro }

func (ro *ReplaceOptionsBuilder) SetLet(l any) *ReplaceOptionsBuilder { return ro }

func (ro *ReplaceOptionsBuilder) SetSort(s any) *ReplaceOptionsBuilder { return ro }

// FindOneAndUpdate.

type FindOneAndUpdateOptions struct {
	ArrayFilters             []any
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  any
	Projection               any
	ReturnDocument           *ReturnDocument
	Sort                     any
	Upsert                   *bool
	Hint                     any
	Let                      any
}

type FindOneAndUpdateOptionsBuilder struct {
	Opts []func(*FindOneAndUpdateOptions) error
}

func FindOneAndUpdate() *FindOneAndUpdateOptionsBuilder {
	return &FindOneAndUpdateOptionsBuilder{}
}

func (f *FindOneAndUpdateOptionsBuilder) List() []func(*FindOneAndUpdateOptions) error {
	return f.Opts
}

func (f *FindOneAndUpdateOptionsBuilder) SetArrayFilters(filters []any) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetBypassDocumentValidation(b bool) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetCollation(collation *Collation) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetComment(comment any) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetProjection(projection any) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetReturnDocument(rd ReturnDocument) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetSort(sort any) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetUpsert(b bool) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetHint(hint any) *FindOneAndUpdateOptionsBuilder {
	return f
}

func (f *FindOneAndUpdateOptionsBuilder) SetLet(let any) *FindOneAndUpdateOptionsBuilder {
	return f
}

// FindOneAndReplace.

type FindOneAndReplaceOptions struct {
	BypassDocumentValidation *bool
	Collation                *Collation
	Comment                  any
	Projection               any
	ReturnDocument           *ReturnDocument
	Sort                     any
	Upsert                   *bool
	Hint                     any
	Let                      any
}

type FindOneAndReplaceOptionsBuilder struct {
	Opts []func(*FindOneAndReplaceOptions) error
}

func FindOneAndReplace() *FindOneAndReplaceOptionsBuilder {
	return &FindOneAndReplaceOptionsBuilder{}
}

func (f *FindOneAndReplaceOptionsBuilder) List() []func(*FindOneAndReplaceOptions) error {
	return f.Opts
}

func (f *FindOneAndReplaceOptionsBuilder) SetBypassDocumentValidation(b bool) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetCollation(collation *Collation) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetComment(comment any) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetProjection(projection any) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetReturnDocument(rd ReturnDocument) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetSort(sort any) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetUpsert(b bool) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetHint(hint any) *FindOneAndReplaceOptionsBuilder {
	return f
}

func (f *FindOneAndReplaceOptionsBuilder) SetLet(let any) *FindOneAndReplaceOptionsBuilder {
	return f
}

// FindOne and Find.

type FindOneOptions struct {
	AllowPartialResults *bool
	Collation           *Collation
	Comment             any
	Hint                any
	Max                 any
	Min                 any
	OplogReplay         *bool
	Projection          any
	ReturnKey           *bool
	ShowRecordID        *bool
	Skip                *int64
	Sort                any
}

type FindOneOptionsBuilder struct {
	Opts []func(*FindOneOptions) error
}

func FindOne() *FindOneOptionsBuilder { return &FindOneOptionsBuilder{} }

func (f *FindOneOptionsBuilder) List() []func(*FindOneOptions) error { return f.Opts }

func (f *FindOneOptionsBuilder) SetCollation(collation *Collation) *FindOneOptionsBuilder {
	return f
}

func (f *FindOneOptionsBuilder) SetHint(hint any) *FindOneOptionsBuilder { return f }

func (f *FindOneOptionsBuilder) SetProjection(projection any) *FindOneOptionsBuilder { return f }

func (f *FindOneOptionsBuilder) SetSkip(i int64) *FindOneOptionsBuilder { return f }

func (f *FindOneOptionsBuilder) SetSort(sort any) *FindOneOptionsBuilder { return f }

type FindOptions struct {
	AllowPartialResults *bool
	Collation           *Collation
	Comment             any
	Hint                any
	Max                 any
	MaxAwaitTime        *time.Duration
	Min                 any
	OplogReplay         *bool
	Projection          any
	ReturnKey           *bool
	ShowRecordID        *bool
	Skip                *int64
	Sort                any
	AllowDiskUse        *bool
	BatchSize           *int32
	CursorType          *CursorType
	Let                 any
	Limit               *int64
	NoCursorTimeout     *bool
}

type FindOptionsBuilder struct {
	Opts []func(*FindOptions) error
}

func Find() *FindOptionsBuilder { return &FindOptionsBuilder{} }

func (f *FindOptionsBuilder) List() []func(*FindOptions) error { return f.Opts }

func (f *FindOptionsBuilder) SetAllowDiskUse(b bool) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetBatchSize(i int32) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetCollation(collation *Collation) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetHint(hint any) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetLimit(i int64) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetProjection(projection any) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetSkip(i int64) *FindOptionsBuilder { return f }

func (f *FindOptionsBuilder) SetSort(sort any) *FindOptionsBuilder { return f }

// Insert.

type InsertOneOptions struct {
	BypassDocumentValidation *bool
	Comment                  any
}

type InsertOneOptionsBuilder struct {
	Opts []func(*InsertOneOptions) error
}

func InsertOne() *InsertOneOptionsBuilder { return &InsertOneOptionsBuilder{} }

func (ioo *InsertOneOptionsBuilder) List() []func(*InsertOneOptions) error { return ioo.Opts }

func (ioo *InsertOneOptionsBuilder) SetBypassDocumentValidation(b bool) *InsertOneOptionsBuilder {
	return ioo
}

func (ioo *InsertOneOptionsBuilder) SetComment(comment any) *InsertOneOptionsBuilder { return ioo }

type InsertManyOptions struct {
	BypassDocumentValidation *bool
	Comment                  any
	Ordered                  *bool
}

type InsertManyOptionsBuilder struct {
	Opts []func(*InsertManyOptions) error
}

func InsertMany() *InsertManyOptionsBuilder { return &InsertManyOptionsBuilder{} }

func (imo *InsertManyOptionsBuilder) List() []func(*InsertManyOptions) error { return imo.Opts }

func (imo *InsertManyOptionsBuilder) SetBypassDocumentValidation(b bool) *InsertManyOptionsBuilder {
	return imo
}

func (imo *InsertManyOptionsBuilder) SetComment(comment any) *InsertManyOptionsBuilder { return imo }

func (imo *InsertManyOptionsBuilder) SetOrdered(b bool) *InsertManyOptionsBuilder { return imo }

// Delete.

type DeleteOneOptions struct {
	Collation *Collation
	Comment   any
	Hint      any
	Let       any
}

type DeleteOneOptionsBuilder struct {
	Opts []func(*DeleteOneOptions) error
}

func DeleteOne() *DeleteOneOptionsBuilder { return &DeleteOneOptionsBuilder{} }

func (do *DeleteOneOptionsBuilder) List() []func(*DeleteOneOptions) error { return do.Opts }

func (do *DeleteOneOptionsBuilder) SetCollation(c *Collation) *DeleteOneOptionsBuilder { return do }

func (do *DeleteOneOptionsBuilder) SetComment(comment any) *DeleteOneOptionsBuilder { return do }

func (do *DeleteOneOptionsBuilder) SetHint(hint any) *DeleteOneOptionsBuilder { return do }

func (do *DeleteOneOptionsBuilder) SetLet(let any) *DeleteOneOptionsBuilder { return do }

type DeleteManyOptions struct {
	Collation *Collation
	Comment   any
	Hint      any
	Let       any
}

type DeleteManyOptionsBuilder struct {
	Opts []func(*DeleteManyOptions) error
}

func DeleteMany() *DeleteManyOptionsBuilder { return &DeleteManyOptionsBuilder{} }

func (do *DeleteManyOptionsBuilder) List() []func(*DeleteManyOptions) error { return do.Opts }

func (do *DeleteManyOptionsBuilder) SetCollation(c *Collation) *DeleteManyOptionsBuilder {
	return do
}

func (do *DeleteManyOptionsBuilder) SetComment(comment any) *DeleteManyOptionsBuilder { return do }

func (do *DeleteManyOptionsBuilder) SetHint(hint any) *DeleteManyOptionsBuilder { return do }

func (do *DeleteManyOptionsBuilder) SetLet(let any) *DeleteManyOptionsBuilder { return do }

// Count.

type CountOptions struct {
	Collation *Collation
	Comment   any
	Hint      any
	Limit     *int64
	Skip      *int64
}

type CountOptionsBuilder struct {
	Opts []func(*CountOptions) error
}

func Count() *CountOptionsBuilder { return &CountOptionsBuilder{} }

func (co *CountOptionsBuilder) List() []func(*CountOptions) error { return co.Opts }

func (co *CountOptionsBuilder) SetCollation(c *Collation) *CountOptionsBuilder { return co }

func (co *CountOptionsBuilder) SetComment(comment any) *CountOptionsBuilder { return co }

func (co *CountOptionsBuilder) SetHint(h any) *CountOptionsBuilder { return co }

func (co *CountOptionsBuilder) SetLimit(i int64) *CountOptionsBuilder { return co }

func (co *CountOptionsBuilder) SetSkip(i int64) *CountOptionsBuilder { return co }

// BulkWrite (collection level).

type BulkWriteOptions struct {
	BypassDocumentValidation *bool
	Comment                  any
	Ordered                  *bool
	Let                      any
}

type BulkWriteOptionsBuilder struct {
	Opts []func(*BulkWriteOptions) error
}

func BulkWrite() *BulkWriteOptionsBuilder { return &BulkWriteOptionsBuilder{} }

func (b *BulkWriteOptionsBuilder) List() []func(*BulkWriteOptions) error { return b.Opts }

func (b *BulkWriteOptionsBuilder) SetComment(comment any) *BulkWriteOptionsBuilder { return b }

func (b *BulkWriteOptionsBuilder) SetOrdered(ordered bool) *BulkWriteOptionsBuilder { return b }

func (b *BulkWriteOptionsBuilder) SetBypassDocumentValidation(bypass bool) *BulkWriteOptionsBuilder {
	return b
}

func (b *BulkWriteOptionsBuilder) SetLet(let any) *BulkWriteOptionsBuilder { return b }

// BulkWrite (client level).

type ClientBulkWriteOptions struct {
	BypassDocumentValidation *bool
	Comment                  any
	Ordered                  *bool
	Let                      any
	VerboseResults           *bool
}

type ClientBulkWriteOptionsBuilder struct {
	Opts []func(*ClientBulkWriteOptions) error
}

func ClientBulkWrite() *ClientBulkWriteOptionsBuilder { return &ClientBulkWriteOptionsBuilder{} }

func (b *ClientBulkWriteOptionsBuilder) List() []func(*ClientBulkWriteOptions) error {
	return b.Opts
}

func (b *ClientBulkWriteOptionsBuilder) SetComment(comment any) *ClientBulkWriteOptionsBuilder {
	return b
}

func (b *ClientBulkWriteOptionsBuilder) SetOrdered(ordered bool) *ClientBulkWriteOptionsBuilder {
	return b
}

func (b *ClientBulkWriteOptionsBuilder) SetBypassDocumentValidation(bypass bool) *ClientBulkWriteOptionsBuilder {
	return b
}

func (b *ClientBulkWriteOptionsBuilder) SetLet(let any) *ClientBulkWriteOptionsBuilder { return b }

func (b *ClientBulkWriteOptionsBuilder) SetVerboseResults(verboseResults bool) *ClientBulkWriteOptionsBuilder {
	return b
}

// Sessions and transactions.

type SessionOptions struct {
	CausalConsistency         *bool
	DefaultTransactionOptions *TransactionOptionsBuilder
	Snapshot                  *bool
	SnapshotTime              *bson.Timestamp
}

type SessionOptionsBuilder struct {
	Opts []func(*SessionOptions) error
}

func Session() *SessionOptionsBuilder { return &SessionOptionsBuilder{} }

func (s *SessionOptionsBuilder) List() []func(*SessionOptions) error { return s.Opts }

func (s *SessionOptionsBuilder) SetCausalConsistency(b bool) *SessionOptionsBuilder { return s }

func (s *SessionOptionsBuilder) SetDefaultTransactionOptions(dt *TransactionOptionsBuilder) *SessionOptionsBuilder {
	return s
}

func (s *SessionOptionsBuilder) SetSnapshot(b bool) *SessionOptionsBuilder { return s }

func (s *SessionOptionsBuilder) SetSnapshotTime(t bson.Timestamp) *SessionOptionsBuilder { return s }

type TransactionOptions struct{}

type TransactionOptionsBuilder struct {
	Opts []func(*TransactionOptions) error
}

func Transaction() *TransactionOptionsBuilder { return &TransactionOptionsBuilder{} }

func (t *TransactionOptionsBuilder) List() []func(*TransactionOptions) error { return t.Opts }

// FindOneAndDelete.

type FindOneAndDeleteOptions struct {
	Collation  *Collation
	Comment    any
	Projection any
	Sort       any
	Hint       any
	Let        any
}

type FindOneAndDeleteOptionsBuilder struct {
	Opts []func(*FindOneAndDeleteOptions) error
}

func FindOneAndDelete() *FindOneAndDeleteOptionsBuilder { return &FindOneAndDeleteOptionsBuilder{} }

func (f *FindOneAndDeleteOptionsBuilder) List() []func(*FindOneAndDeleteOptions) error {
	return f.Opts
}
